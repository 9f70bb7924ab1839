using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>A slash-command answer rendered the way Slack shows it, in real Chromium, and screenshotted.</summary>
public sealed class SlackCardScreenshotTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private SlackStandIn _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync();
        _bot = SlackBotHost.Start(_slack);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Card_RenderedInChromium_ShowsAnswerAndShareButton()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is missing at {ChromiumPath}: run tests/setup/chromium.sh (apt-get install chromium)");
        using var client = _bot.Client();
        using var response = await client.SendAsync(SlackRequests.Command("what is celery"));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var blocks = answer["blocks"]!.AsArray();
        Assert.Empty(SlackBlockKitRules.Check(blocks, SlackBlockKitRules.MaxMessageBlocks));

        var profile = Directory.CreateTempSubdirectory("rb-chromium-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                ViewportSize = new() { Width = 700, Height = 400 },
            });
            // Nothing leaves the machine: only loopback (and the page's own inline content) is allowed.
            await browser.RouteAsync("**/*", route =>
                Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var url) && (url.IsLoopback || url.Scheme is "data" or "about")
                    ? route.ContinueAsync()
                    : route.AbortAsync());
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            await page.SetContentAsync(BlockKitHtml.Page(blocks));

            Assert.Contains("Celery", await page.InnerTextAsync(".msg"));
            Assert.Equal("Share in channel", await page.InnerTextAsync(".actions:last-child .btn"));
            var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(shots);
            var file = Path.Combine(shots, "slack-card.png");
            await page.Locator(".msg").ScreenshotAsync(new() { Path = file });
            Assert.True(new FileInfo(file).Length > 1_000);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
