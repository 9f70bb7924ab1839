using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RecruiterBot.Storage.Sql;

namespace RecruiterBot.Storage.Tests.Host;

public sealed class AdminEndpointsTests : IAsyncLifetime
{
    private const string Token = "correct-horse-battery-staple";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recruiterbot-admin-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly List<BotFactory> _factories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var f in _factories) await f.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private BotFactory Bot(string? token = Token)
    {
        var settings = BotFactory.SqliteSettings(Path.Combine(_folder, "bot.db"));
        settings["Admin:Token"] = token;
        var bot = new BotFactory(settings);
        _factories.Add(bot);
        return bot;
    }

    // A browser-like client that shows redirects instead of following them.
    private static HttpClient Client(BotFactory bot) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = bot.ClientOptions.BaseAddress };

    [Theory]
    [InlineData("GET", "/admin")]
    [InlineData("GET", "/admin/stats.json")]
    [InlineData("POST", "/admin/sign-in")]
    public async Task Admin_TokenUnset_NotFound(string method, string path)
    {
        using var http = Client(Bot(token: ""));

        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Page_NotSignedIn_ShowsTheSignInForm()
    {
        using var http = Client(Bot());

        var response = await http.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\" action=\"/admin/sign-in\"", html);
        Assert.DoesNotContain("Questions in the last", html);
    }

    [Fact]
    public async Task SignIn_WrongToken_UnauthorizedAndNoCookie()
    {
        using var http = Client(Bot());

        var response = await http.PostAsync("/admin/sign-in", new FormUrlEncodedContent([new("token", "wrong-token-wrong-token")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("not right", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_RightToken_SetsAStrictHttpOnlyCookieWithoutTheTokenAndShowsThePage()
    {
        using var http = Client(Bot());

        var response = await http.PostAsync("/admin/sign-in", new FormUrlEncodedContent([new("token", Token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie);
        var page = await http.GetStringAsync("/admin");
        Assert.Contains("Questions in the last 30 days", page);
    }

    [Fact]
    public async Task SignOut_SignedIn_ClearsTheCookie()
    {
        using var http = Client(Bot());
        await http.PostAsync("/admin/sign-in", new FormUrlEncodedContent([new("token", Token)]));

        await http.PostAsync("/admin/sign-out", null);

        Assert.Contains("sign-in", await http.GetStringAsync("/admin"));
    }

    [Theory]
    [InlineData("text/plain", "token=x")]
    [InlineData("application/json", "{\"token\": 1}")]
    public async Task SignIn_NotAForm_UnsupportedMediaTypeWithError(string contentType, string body)
    {
        using var http = Client(Bot());

        var response = await http.PostAsync("/admin/sign-in", new StringContent(body, null, contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_HugeForm_RejectedWithError()
    {
        using var http = Client(Bot());

        var response = await http.PostAsync("/admin/sign-in", new FormUrlEncodedContent([new("token", new string('a', 1_000_000))]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatsJson_NoCredentials_UnauthorizedWithError()
    {
        using var http = Client(Bot());

        var response = await http.GetAsync("/admin/stats.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("{\"error\":", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("ten")]
    public async Task StatsJson_BadDays_BadRequestWithError(string days)
    {
        using var http = Client(Bot());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await http.GetAsync("/admin/stats.json?days=" + days);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatsJson_BearerToken_CountsTheTurnsTheBotAnswered()
    {
        var bot = Bot();
        await bot.SayAsync("c1", "what is celery?");
        await bot.SayAsync("c1", "what is celery?");
        await bot.SayAsync("c2", "zyxwv qwerty");
        using var http = Client(bot);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var json = JsonDocument.Parse(await http.GetStringAsync("/admin/stats.json?days=7")).RootElement;

        Assert.Equal(3, json.GetProperty("total").GetInt64());
        Assert.Equal("webchat", json.GetProperty("perChannel")[0].GetProperty("name").GetString());
        Assert.Equal("celery", json.GetProperty("topEntries")[0].GetProperty("id").GetString());
        Assert.Equal(2, json.GetProperty("topEntries")[0].GetProperty("count").GetInt64());
        Assert.Equal(1, json.GetProperty("unanswered").GetArrayLength());
    }

    [Fact]
    public async Task Page_UnansweredQuestionWithMarkup_IsEscapedAndThePageLoadsNothingFromElsewhere()
    {
        var bot = Bot();
        var store = bot.Services.GetRequiredService<SqlConversationStore>();
        await store.AppendQuestionAsync(new QuestionLogEntry(DateTimeOffset.UtcNow, "slack", "unknown", null, null, 0,
            "<script>alert(1)</script><img src=x onerror=alert(2)>", null), CancellationToken.None);
        using var http = Client(bot);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await http.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("<svg", html);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
