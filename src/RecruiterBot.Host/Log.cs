namespace RecruiterBot.Host;

/// <summary>The host's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "RecruiterBot is listening on {Addresses}; web chat: {WebChat}; channels enabled: {Enabled}; off until configured: {Off}")]
    public static partial void Started(ILogger logger, string addresses, string webChat, string enabled, string off);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The knowledge base is not loaded; /readyz answers 503 and the chat 503 until it is fixed. {Problems}")]
    public static partial void KnowledgeNotLoaded(ILogger logger, string problems);
}
