using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecruiterBot.Storage.Tests.Host;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a free port), configured through settings as an operator would
/// (Storage:*, ConnectionStrings:*, Admin:*); <see cref="SayAsync"/> talks to it as the web chat page does.
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Lazy<HttpClient> _chat;

    /// <summary>Starts the instance; <see cref="WebApplicationFactory{T}.CreateClient()"/> clients talk to it over loopback.</summary>
    public BotFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        ClientOptions.BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _chat = new Lazy<HttpClient>(() => CreateClient());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:Path", Path.Combine(AppContext.BaseDirectory, "knowledge"));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public static Dictionary<string, string?> SqliteSettings(string path) => new()
    {
        ["Storage:Provider"] = "sqlite",
        ["Storage:SqlitePath"] = path,
    };

    public static Dictionary<string, string?> PostgresSettings(string connectionString) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:RecruiterBot"] = connectionString,
    };

    /// <summary>The store key of web chat conversation <paramref name="conversation"/>.</summary>
    public static string StateKey(string conversation) => "webchat:" + conversation;

    /// <summary><c>POST /api/chat</c> with <paramref name="text"/> in <paramref name="conversation"/>; the answer must be 200.</summary>
    public async Task<ChatAnswer> SayAsync(string conversation, string text, string? requestId = null)
    {
        using var response = await _chat.Value.PostAsJsonAsync("/api/chat", new { text, conversation, requestId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /api/chat answered {(int)response.StatusCode}: {body}");
        return ChatAnswer.Parse(body);
    }
}
