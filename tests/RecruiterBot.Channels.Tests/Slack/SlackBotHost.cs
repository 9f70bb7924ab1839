using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>The real host on a loopback Kestrel port, with Slack configured against a <see cref="SlackStandIn"/>.</summary>
public sealed class SlackBotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("rb-slack-");

    public CapturedLogs Logs { get; } = new();

    private SlackBotHost(Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    /// <summary>A SQLite file for hosts that share a store (two instances, or a restart); the caller deletes its folder.</summary>
    public static string SharedDatabase() => Path.Combine(Directory.CreateTempSubdirectory("rb-slack-shared-").FullName, "bot.db");

    /// <summary>
    /// Starts the bot with its own SQLite store (unless <c>Storage:SqlitePath</c> is given); <paramref name="settings"/>
    /// override the defaults (null removes a key).
    /// </summary>
    public static SlackBotHost Start(SlackStandIn? standIn, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Knowledge:Path"] = Path.Combine(AppContext.BaseDirectory, "knowledge"),
            ["Slack:SigningSecret"] = SlackRequests.Secret,
            ["Slack:BotToken"] = SlackStandIn.BotToken,
            ["Slack:ApiBaseUrl"] = standIn?.ApiBaseUrl.AbsoluteUri,
            ["Slack:MaxConcurrentReplies"] = "1",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var host = new SlackBotHost(all, services);
        all.TryAdd("Storage:SqlitePath", Path.Combine(host._data.FullName, "bot.db"));
        host.UseKestrel();
        try { host.StartServer(); }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) if (value is not null) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => _services?.Invoke(services));
    }

    public HttpClient Client() => CreateClient();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_data.FullName)) _data.Delete(recursive: true);
    }

    /// <summary>Replaces a singleton with a given instance (a shared store, a fake clock).</summary>
    public static Action<IServiceCollection> Replace<T>(T instance) where T : class =>
        services => services.Replace(ServiceDescriptor.Singleton(instance));
}

/// <summary>Log lines the host wrote, for asserting that an undelivered reply is logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, int EventId, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, int EventId, string Message)> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<(LogLevel, int, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Enqueue((logLevel, eventId.Id, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }
}
