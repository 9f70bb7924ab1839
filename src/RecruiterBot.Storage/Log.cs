using Microsoft.Extensions.Logging;
using RecruiterBot.Storage.Resilience;

namespace RecruiterBot.Storage;

/// <summary>The store's log messages. Never message text or conversation keys above Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The {Provider} store is unavailable ({Failures} failed or skipped calls in the last minute, circuit {Circuit}); the bot answers without conversation state or duplicate protection. Last error: {Error}")]
    public static partial void StoreUnavailable(ILogger logger, string provider, int failures, StoreCircuitState circuit, string error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "The {Provider} store answers again")]
    public static partial void StoreRecovered(ILogger logger, string provider);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "{Provider} store call {Operation} failed")]
    public static partial void CallFailed(ILogger logger, string provider, string operation, Exception error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "The {Provider} store at {Location} is migrated")]
    public static partial void Migrated(ILogger logger, string provider, string location);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Could not migrate the {Provider} store at {Location} at start-up; it is tried again on the first call")]
    public static partial void MigrationFailed(ILogger logger, string provider, string location, Exception error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Retention deleted {LogRows} question-log rows, {Claims} expired inbound claims and the state of {Conversations} idle conversations")]
    public static partial void RetentionDeleted(ILogger logger, int logRows, int claims, int conversations);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Retention could not delete expired rows from the {Provider} store; it tries again later")]
    public static partial void RetentionFailed(ILogger logger, string provider, Exception error);
}
