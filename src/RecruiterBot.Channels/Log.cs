using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels;

/// <summary>The channels' log messages. Never message text: resumes are personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Duplicate {Channel} message {InboundId} answered once")]
    public static partial void Duplicate(ILogger logger, string channel, string inboundId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Channel} conversation state kept changing under {Attempts} attempts; the last answer was sent without its state")]
    public static partial void StateConflict(ILogger logger, string channel, int attempts);
}
