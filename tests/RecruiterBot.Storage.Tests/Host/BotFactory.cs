using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage.Tests.Host;

/// <summary>The real host in memory, configured through settings as an operator would (Storage:*, ConnectionStrings:*, Admin:*).</summary>
public sealed class BotFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:Path", Path.Combine(AppContext.BaseDirectory, "knowledge"));
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public ConversationTurns Turns => Services.GetRequiredService<ConversationTurns>();

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

    /// <summary>One web chat turn of <paramref name="text"/> in <paramref name="conversation"/>.</summary>
    public Task<TurnOutcome> SayAsync(string conversation, string text, string? inboundId = null, bool replay = false) =>
        Turns.RunAsync(new TurnRequest("webchat", conversation, IncomingMessage.FromText(text), inboundId, replay), CancellationToken.None);
}
