using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels;

/// <summary>The channels' log messages. Never message text: resumes are personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Duplicate {Channel} message {InboundId} answered once")]
    public static partial void Duplicate(ILogger logger, string channel, string inboundId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Channel} conversation state kept changing under {Attempts} attempts; the last answer was sent without its state")]
    public static partial void StateConflict(ILogger logger, string channel, int attempts);

    // Debug, not Information: a line per message cost the web chat about a tenth of its throughput (bench/).
    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Web chat answered with intent {Intent} (replayed: {Replayed})")]
    public static partial void WebChatAnswered(ILogger logger, string intent, bool replayed);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Web chat request refused with status {Status}")]
    public static partial void WebChatRejected(ILogger logger, int status);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Web chat turn failed")]
    public static partial void WebChatFailed(ILogger logger, Exception exception);

    // Teams: 1100-1199

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Teams is off: Teams:AppId is not set, so POST /api/messages is not mapped")]
    public static partial void TeamsOff(ILogger logger);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Teams:DangerouslyAllowUnauthenticatedRequests is on: POST /api/messages accepts requests WITHOUT a token, replies go out without one and loopback service URLs are allowed. Only for local emulators such as the Microsoft 365 Agents Playground")]
    public static partial void TeamsUnauthenticated(ILogger logger);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Teams:DangerouslyAllowUnauthenticatedRequests is ignored because Teams:AppId is set: every request needs a valid token")]
    public static partial void TeamsUnauthenticatedFlagIgnored(ILogger logger);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Teams signing keys fetched from {MetadataUrl}: {Count} key(s)")]
    public static partial void TeamsKeysFetched(ILogger logger, string metadataUrl, int count);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Teams signing keys could not be fetched from {MetadataUrl}; the cached keys stay in use")]
    public static partial void TeamsKeysFetchFailed(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Teams activity from tenant {TenantId} refused: not in Teams:AllowedTenants")]
    public static partial void TeamsTenantRefused(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Teams activity {ActivityId} refused: its serviceUrl is not in Teams:AllowedServiceUrls")]
    public static partial void TeamsServiceUrlRefused(ILogger logger, string activityId);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Teams reply queue is full: {Refused} activities refused with 503 since the last such warning (latest {ActivityId}); Teams redelivers them")]
    public static partial void TeamsQueueFull(ILogger logger, long refused, string activityId);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Teams connector answered {Status}; attempt {Attempt} is retried in {DelayMs} ms")]
    public static partial void TeamsSendRetry(ILogger logger, int status, int attempt, int delayMs);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Error, Message = "Teams reply to activity {ActivityId} failed")]
    public static partial void TeamsReplyFailed(ILogger logger, string activityId, Exception exception);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "Teams reply to activity {ActivityId} sent ({Intent})")]
    public static partial void TeamsReplySent(ILogger logger, string activityId, string intent);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug, Message = "Teams invoke {Name} is not handled; answered 200 with an empty body")]
    public static partial void TeamsInvokeIgnored(ILogger logger, string name);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Debug, Message = "Teams card action {ActivityId} answered in the response ({Intent})")]
    public static partial void TeamsCardActionAnswered(ILogger logger, string activityId, string intent);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Warning, Message = "Teams card action {ActivityId}: the conversation store did not answer in time; answered from a fresh state")]
    public static partial void TeamsCardActionWithoutStore(ILogger logger, string activityId, Exception? exception);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Debug, Message = "Teams search answered with {Count} result(s) (empty query: {EmptyQuery})")]
    public static partial void TeamsSearchAnswered(ILogger logger, int count, bool emptyQuery);

    [LoggerMessage(EventId = 1115, Level = LogLevel.Warning, Message = "Teams search: the question log did not answer in time; the most asked skills follow the guide's order")]
    public static partial void TeamsMostAskedUnavailable(ILogger logger, Exception exception);
}
