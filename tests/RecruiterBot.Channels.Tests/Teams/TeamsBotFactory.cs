using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>The real host on Kestrel (127.0.0.1, a free port) with the Teams settings a test gives.</summary>
public sealed class TeamsBotFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The bot configured against the stand-in: tokens from its key server, replies to its connector.</summary>
    public static TeamsBotFactory ForStandIn(TeamsStandIn standIn, Action<Dictionary<string, string?>>? change = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = TeamsStandIn.AppId,
            ["Teams:AppPassword"] = TeamsStandIn.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = standIn.OpenIdMetadataUrl,
            ["Teams:ValidIssuers:0"] = TeamsStandIn.Issuer,
            ["Teams:TokenEndpoint"] = standIn.TokenEndpoint,
            ["Teams:AllowedServiceUrls:0"] = standIn.ServiceUrl,
        };
        change?.Invoke(settings);
        return new TeamsBotFactory(settings, services);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Knowledge:Path", Path.Combine(AppContext.BaseDirectory, "knowledge"));
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Information).AddProvider(new CollectingLoggerProvider(Logs)));
    }

    /// <summary>What the bot logged at Information and above: "level: category: message".</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Starts the host on Kestrel and returns a client for it.</summary>
    public HttpClient StartClient()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        return CreateClient();
    }
}

/// <summary>Keeps log lines (level, category and message) for assertions.</summary>
public sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Collector(lines, categoryName);

    public void Dispose() { }

    private sealed class Collector(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Enqueue($"{logLevel}: {category}: {formatter(state, exception)}");
        }
    }
}
