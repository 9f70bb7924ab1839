using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>
/// End to end through the real Microsoft 365 Agents Playground (npm) in headless Chromium: the playground plays Teams
/// (it sends activities without a token and hosts a connector), the bot runs in emulator mode.
/// </summary>
public sealed class TeamsPlaygroundTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private TeamsBotFactory _bot = null!;
    private HttpClient _client = null!;
    private Process? _playground;
    private readonly StringBuilder _playgroundLog = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        EnsureChromium();
        var modules = TeamsNodeTools.NodeModules;
        _bot = new TeamsBotFactory(new Dictionary<string, string?> { ["Teams:DangerouslyAllowUnauthenticatedRequests"] = "true" });
        _client = _bot.StartClient();

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.GetDirectoryName(modules)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TEAMSAPPTESTER_BROWSER"] = "none" },
        };
        foreach (var a in new[]
                 {
                     "-r", Path.Combine(TeamsNodeTools.ScriptsFolder, "loopback-only.js"),
                     Path.Combine(modules, "@microsoft", "m365agentsplayground", "cli.js"), "start",
                     "-e", new Uri(_client.BaseAddress!, "/api/messages").ToString(), "-c", "msteams", "-p", port.ToString(), "--disable-telemetry",
                 })
            start.ArgumentList.Add(a);
        _playground = Process.Start(start)!;
        _playground.OutputDataReceived += (_, e) => { lock (_playgroundLog) _playgroundLog.AppendLine(e.Data); };
        _playground.ErrorDataReceived += (_, e) => { lock (_playgroundLog) _playgroundLog.AppendLine(e.Data); };
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();
        var url = $"http://127.0.0.1:{port}/";
        await WaitForHttpAsync(url);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        _page = await _browser.NewPageAsync();
        _page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        // Nothing leaves the machine: fonts and CDNs would otherwise wait on a closed network.
        await _page.RouteAsync("**/*", route =>
            new Uri(route.Request.Url) is { IsLoopback: true } || route.Request.Url.StartsWith("data:", StringComparison.Ordinal)
                ? route.ContinueAsync()
                : route.AbortAsync());
        await _page.GotoAsync(url);
    }

    [Fact]
    public async Task Playground_AskWhatIsCelery_SeesWelcomeAndAnswer()
    {
        await RunAsync(async () =>
        {
            await _page.GetByText("Hi! I'm RecruiterBot").First.WaitForAsync();

            await AskAsync("what is Celery?");

            await _page.GetByText("What it signals on a resume").First.WaitForAsync();
            // The playground sends installationUpdate and conversationUpdate on load: one welcome card.
            Assert.Equal(1, await _page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hi! I'm RecruiterBot" }).CountAsync());
        });
    }

    [Fact]
    public async Task Playground_AskWhatIsCelery_SeesCardAndPressesButton()
    {
        await RunAsync(async () =>
        {
            await _page.GetByText("Hi! I'm RecruiterBot").First.WaitForAsync();
            var cardsBefore = await _page.Locator(".ac-adaptiveCard").CountAsync();

            await AskAsync("what is Celery?");

            var cards = _page.Locator(".ac-adaptiveCard");
            await Expect(() => cards.CountAsync(), n => n > cardsBefore);
            var card = cards.Last;
            Assert.Contains("Celery", await card.InnerTextAsync());
            var cardsWithAnswer = await cards.CountAsync();
            await card.Locator("button").First.ClickAsync();
            // The press goes to the bot as an Action.Submit and comes back as another card.
            await Expect(() => cards.CountAsync(), n => n > cardsWithAnswer);
        });
    }

    [Fact]
    public async Task Playground_PressStrongAnswer_CardUpdatedInPlace()
    {
        await RunAsync(async () =>
        {
            await _page.GetByText("Hi! I'm RecruiterBot").First.WaitForAsync();

            await AskAsync("a data question");

            await _page.GetByText("Interview question: Data").First.WaitForAsync();
            var cards = _page.Locator(".ac-adaptiveCard");
            var count = await cards.CountAsync();
            var answer = _page.GetByRole(AriaRole.Button, new() { Name = "What a strong answer sounds like" });
            Assert.Equal(1, await answer.CountAsync());
            await answer.ClickAsync();
            // Action.Execute: an adaptiveCard/action invoke whose answer replaces the card; no new message.
            await Expect(() => answer.CountAsync(), n => n == 0);
            await _page.GetByText("What a strong answer sounds like").First.WaitForAsync();
            Assert.Equal(count, await cards.CountAsync());
        });
    }

    private async Task AskAsync(string text)
    {
        var compose = _page.Locator("[data-lexical-editor=\"true\"][role=textbox]");
        await compose.ClickAsync();
        await _page.Keyboard.TypeAsync(text);
        await _page.Locator("button[aria-label=\"Send Message\"]").ClickAsync();
    }

    private static async Task Expect(Func<Task<int>> read, Func<int, bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        int value;
        while (!condition(value = await read()))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the page never got there (last count {value})");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs the steps; on failure keeps a screenshot and adds the playground's log to the error.</summary>
    private async Task RunAsync(Func<Task> steps)
    {
        try { await steps(); }
        catch (Exception e)
        {
            var folder = Path.Combine(TeamsNodeTools.RepositoryRoot, "tests", "RecruiterBot.Channels.Tests", "screenshots");
            Directory.CreateDirectory(folder);
            var shot = Path.Combine(folder, "playground-" + DateTime.UtcNow.ToString("HHmmss") + ".png");
            await _page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            string log;
            lock (_playgroundLog) log = _playgroundLog.ToString();
            throw new Exception($"{e.Message}\nscreenshot: {shot}\nplayground log:\n{log}\nbot log:\n{string.Join("\n", _bot.Logs)}", e);
        }
    }

    private static void EnsureChromium()
    {
        if (File.Exists(Chromium)) return;
        TeamsNodeTools.Run("bash", [Path.Combine(TeamsNodeTools.RepositoryRoot, "tests", "setup", "chromium.sh")], TeamsNodeTools.RepositoryRoot, TimeSpan.FromMinutes(10));
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing and tests/setup/chromium.sh could not install it");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForHttpAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_playground!.HasExited) throw new InvalidOperationException($"the Agents Playground exited ({_playground.ExitCode}):\n{_playgroundLog}");
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the Agents Playground did not answer at {url}:\n{_playgroundLog}");
            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_playground is { HasExited: false }) _playground.Kill(entireProcessTree: true);
        _playground?.Dispose();
        _client?.Dispose();
        if (_bot is not null) await _bot.DisposeAsync();
    }
}
