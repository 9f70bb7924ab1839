using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels;

/// <summary>The channels' log messages. Never message text: resumes are personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Duplicate {Channel} message {InboundId} answered once")]
    public static partial void Duplicate(ILogger logger, string channel, string inboundId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Channel} conversation state kept changing under {Attempts} attempts; the last answer was sent without its state")]
    public static partial void StateConflict(ILogger logger, string channel, int attempts);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Web chat answered with intent {Intent} (replayed: {Replayed})")]
    public static partial void WebChatAnswered(ILogger logger, string intent, bool replayed);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Web chat request refused with status {Status}")]
    public static partial void WebChatRejected(ILogger logger, int status);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Web chat turn failed")]
    public static partial void WebChatFailed(ILogger logger, Exception exception);
}
