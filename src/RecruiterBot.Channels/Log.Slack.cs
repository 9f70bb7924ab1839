using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels;

// Slack's log messages (event ids 12xx). Never message text or request bodies: they can hold resumes.
internal static partial class Log
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Slack request to {Path} refused ({Status}): {Reason}")]
    public static partial void SlackRequestRefused(ILogger logger, string path, int status, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Slack event {EventId} ({EventType}) ignored: {Why}")]
    public static partial void SlackEventIgnored(ILogger logger, string eventId, string eventType, string why);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Slack reply queue is full: {Refused} requests refused with 503 since the last such warning (latest {WorkId}); Slack retries them")]
    public static partial void SlackQueueFull(ILogger logger, long refused, string workId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; retrying after {Seconds} s")]
    public static partial void SlackRateLimited(ILogger logger, string method, double seconds);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Slack answered {Method} with HTTP {Status} (attempt {Attempt})")]
    public static partial void SlackServerError(ILogger logger, string method, int status, int attempt);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Slack {Method} not reachable (attempt {Attempt}): {Reason}")]
    public static partial void SlackUnreachable(ILogger logger, string method, int attempt, string reason);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    public static partial void SlackApiError(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Error, Message = "Slack reply for {WorkId} not delivered ({Method}: {Error})")]
    public static partial void SlackReplyNotDelivered(ILogger logger, string workId, string method, string error);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Warning, Message = "Slack response_url is not a Slack URL; the reply was not sent there")]
    public static partial void SlackResponseUrlRefused(ILogger logger);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Error, Message = "Slack reply for {WorkId} failed")]
    public static partial void SlackWorkFailed(ILogger logger, string workId, Exception exception);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Slack command {WorkId} took longer than the inline budget; answering through response_url")]
    public static partial void SlackCommandDeferred(ILogger logger, string workId);
}
