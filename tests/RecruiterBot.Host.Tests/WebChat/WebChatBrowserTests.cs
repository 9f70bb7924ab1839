using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RecruiterBot.Host.Tests.WebChat;

/// <summary>The page in headless Chromium against the real host on Kestrel: ask, press a card button, paste a resume.</summary>
public sealed class WebChatBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly HostFactory _host = new();
    private readonly List<string> _blocked = [];

    public void Dispose() => _host.Dispose();

    private static readonly string[] Resume =
    [
        "Jane Doe - Senior Python Developer",
        "Skills: Python, Django, Django REST Framework, PostgreSQL, Redis",
        "Built REST APIs with Django REST Framework serving 2M requests a day",
        "Moved background work to Celery workers with Redis as the broker",
        "Wrote React front-ends with TypeScript",
        "Designed PostgreSQL schemas and tuned slow queries",
        "Deployed with Docker and Kubernetes on AWS",
        "Set up CI/CD pipelines in GitHub Actions",
        "Wrote pytest suites with 90% coverage",
        "On call for production incidents",
    ];

    [Fact]
    public async Task WebChat_AskPressAndPaste_ShowsACardForEachReply()
    {
        var address = _host.StartKestrel();
        await using var context = await browser.NewContextAsync(_blocked);
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        var input = page.Locator("#input");
        var bot = page.Locator(".msg.bot:not(.typing):not(.intro)");

        // 1. Ask what Celery is: the Celery card.
        var celery = await SendAsync(page, () => TypeAndEnterAsync(input, "what is Celery?"));
        Assert.Equal("skill", celery.GetProperty("intent").GetString());
        await Expect(bot.Last.Locator(".ac-adaptiveCard").First).ToContainTextAsync("Celery and Background Jobs");
        await ScreenshotAsync(page, "01-celery");

        // 2. "Interview question about this" on the card, and a question comes back; "Another question" draws a new one.
        var interview = await SendAsync(page, () => ClickCardButtonAsync(bot.Last, "Interview question about this"));
        Assert.Equal("interview", interview.GetProperty("intent").GetString());
        await Expect(bot.Last).ToContainTextAsync(interview.GetProperty("entries")[0].GetProperty("title").GetString()!);
        await Expect(bot).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "02-interview");
        var another = await SendAsync(page, () => ClickCardButtonAsync(bot.Last, "Another question"));
        Assert.Equal("interview", another.GetProperty("intent").GetString());
        Assert.NotEqual(EntryId(interview), EntryId(another));

        // 3. Paste a 10-line resume with Shift+Enter between lines: the quick read.
        var resume = await SendAsync(page, async () =>
        {
            for (var i = 0; i < Resume.Length; i++)
            {
                await input.PressSequentiallyAsync(Resume[i]);
                if (i < Resume.Length - 1) await input.PressAsync("Shift+Enter");
            }
            await input.PressAsync("Enter");
        });
        var pasted = await page.Locator(".msg.user").Last.InnerTextAsync();
        Assert.Equal(Resume, pasted.Split('\n'));
        Assert.Equal("resume", resume.GetProperty("intent").GetString());
        Assert.Equal("Full-stack Python", resume.GetProperty("resume").GetProperty("profile").GetProperty("title").GetString());
        var read = bot.Last.Locator(".ac-adaptiveCard").First;
        await Expect(read).ToContainTextAsync("Quick resume read");
        await Expect(read).ToContainTextAsync("Full-stack Python");
        foreach (var skill in new[] { "Django", "REST APIs and Authentication", "Celery and Background Jobs", "Kubernetes" })
            await Expect(read).ToContainTextAsync(skill);
        await Expect(page.Locator(".msg.error")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "03-resume");
        // docs/screenshots/webchat.png (the README) is a copy of this one.
        await ScreenshotWholeConversationAsync(page, "06-conversation");

        Assert.Empty(_blocked);
    }

    [Fact]
    public async Task WebChat_HtmlInMessage_ShownAsTextNeverRun()
    {
        var address = _host.StartKestrel();
        await using var context = await browser.NewContextAsync(_blocked);
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        const string hostile = "<img src=x onerror=\"window.__pwned=1\"><b>bold</b>";

        await SendAsync(page, () => TypeAndEnterAsync(page.Locator("#input"), hostile));

        await Expect(page.Locator(".msg.user").Last).ToHaveTextAsync(hostile);
        Assert.Equal(0, await page.Locator(".messages img, .messages b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
    }

    [Fact]
    public async Task WebChat_PhoneScreen_FitsAndKeepsTheConversationForTheTab()
    {
        var address = _host.StartKestrel();
        await using var context = await browser.NewContextAsync(_blocked, width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());

        var reply = await SendAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Random interview question" }).ClickAsync());

        Assert.Equal("interview", reply.GetProperty("intent").GetString());
        Assert.Equal(reply.GetProperty("conversation").GetString(), await page.EvaluateAsync<string>("() => sessionStorage.getItem('recruiterbot.conversation')"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Expect(page.Locator("#input")).ToBeInViewportAsync();
        await ScreenshotAsync(page, "04-phone");
        Assert.Empty(_blocked);
    }

    [Fact]
    public async Task WebChat_ReplyWithCard_RendersItAndItsButtonsWork()
    {
        var address = _host.StartKestrel();
        await using var context = await browser.NewContextAsync(_blocked);
        var page = await context.NewPageAsync();
        // The shipped templates use Action.Submit and Action.ShowCard; a sample card covers Action.ToggleVisibility as well.
        await page.RouteAsync("**/api/chat", route => route.FulfillAsync(new() { ContentType = "application/json", Body = SampleCardEnvelope }));
        await page.GotoAsync(address.ToString());

        await SendAsync(page, () => TypeAndEnterAsync(page.Locator("#input"), "what is Celery?"));
        var card = page.Locator(".msg.bot.card").Last; // the bubble: an Action.ShowCard nests a second .ac-adaptiveCard
        await Expect(card).ToContainTextAsync("Celery and Background Jobs");

        await Expect(card.GetByText("Hidden detail")).ToBeHiddenAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();
        await Expect(card.GetByText("Hidden detail")).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Strong answer" }).ClickAsync();
        await Expect(card.GetByText("Shown card text")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "05-card");

        var request = await page.RunAndWaitForRequestAsync(
            () => card.GetByRole(AriaRole.Button, new() { Name = "Interview question about this" }).ClickAsync(),
            r => r.Url.EndsWith("/api/chat", StringComparison.Ordinal));
        var sent = request.PostDataJSON()!.Value;
        Assert.Equal("interview", sent.GetProperty("value").GetProperty("action").GetString());
        Assert.Equal("celery", sent.GetProperty("value").GetProperty("skill").GetString());
        Assert.Equal("c1", sent.GetProperty("conversation").GetString());
        await Expect(page.Locator(".msg.user").Last).ToHaveTextAsync("Interview question about this");
        Assert.Empty(_blocked);
    }

    private const string SampleCardEnvelope = """
        {"intent": "skill", "conversation": "c1", "entries": [], "suggestions": [], "text": "Celery and Background Jobs",
         "card": {"type": "AdaptiveCard", "version": "1.5",
           "body": [{"type": "TextBlock", "text": "Celery and Background Jobs", "weight": "Bolder", "size": "Medium", "wrap": true},
                    {"type": "TextBlock", "id": "more", "text": "Hidden detail", "isVisible": false, "wrap": true}],
           "actions": [{"type": "Action.Submit", "title": "Interview question about this", "data": {"action": "interview", "skill": "celery"}},
                       {"type": "Action.ToggleVisibility", "title": "More", "targetElements": ["more"]},
                       {"type": "Action.ShowCard", "title": "Strong answer", "card": {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Shown card text", "wrap": true}]}}]}}
        """;

    private static Task ClickCardButtonAsync(ILocator message, string title) =>
        message.Locator(".ac-adaptiveCard").First.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();

    private static string? EntryId(JsonElement envelope) => envelope.GetProperty("entries")[0].GetProperty("id").GetString();

    private static Task TypeAndEnterAsync(ILocator input, string text) => input.FillAsync(text).ContinueWith(_ => input.PressAsync("Enter")).Unwrap();

    /// <summary>Does <paramref name="act"/> and returns the JSON of the <c>/api/chat</c> response it caused.</summary>
    private static async Task<JsonElement> SendAsync(IPage page, Func<Task> act)
    {
        var response = await page.RunAndWaitForResponseAsync(act, r => r.Url.EndsWith("/api/chat", StringComparison.Ordinal));
        return (await response.JsonAsync())!.Value;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots", "webchat");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }

    /// <summary>The message list scrolls inside the page: grows the viewport until the whole conversation fits.</summary>
    private static async Task ScreenshotWholeConversationAsync(IPage page, string name)
    {
        var hidden = await page.EvaluateAsync<int>("() => { const m = document.querySelector('.messages'); return m.scrollHeight - m.clientHeight; }");
        await page.SetViewportSizeAsync(page.ViewportSize!.Width, page.ViewportSize.Height + hidden);
        await ScreenshotAsync(page, name);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RecruiterBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("RecruiterBot.sln not found above " + AppContext.BaseDirectory);
    }
}
