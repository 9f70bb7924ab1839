using System.Text.Json.Serialization;
using RecruiterBot.Cards.Envelope;

namespace RecruiterBot.Channels.Slack;

/// <summary>The body of <c>chat.postMessage</c> (and, with <see cref="Ts"/>, <c>chat.update</c>).</summary>
/// <remarks>https://api.slack.com/methods/chat.postMessage</remarks>
public sealed record SlackPostMessage
{
    [JsonPropertyName("channel")] public required string Channel { get; init; }
    /// <summary>The message itself, or the notification fallback when <see cref="Blocks"/> are given.</summary>
    [JsonPropertyName("text")] public required string Text { get; init; }
    /// <summary>The blocks as the card renderer wrote them (escaped, within Slack's limits), copied into the body as they are.</summary>
    [JsonPropertyName("blocks")] public WrittenJson? Blocks { get; init; }
    [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }
    /// <summary>Only for <c>chat.update</c>: the message to replace.</summary>
    [JsonPropertyName("ts")] public string? Ts { get; init; }
    [JsonPropertyName("unfurl_links")] public bool UnfurlLinks { get; init; }
}
