using System.Text.Json.Serialization;
using RecruiterBot.Cards.Envelope;

namespace RecruiterBot.Channels.Teams;

/// <summary>A message the bot sends through the connector: the Adaptive Card with its one-line summary as the text, or
/// the plain text when there is no card.</summary>
/// <remarks>https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object</remarks>
public sealed record TeamsReplyActivity
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("type")] public string Type { get; init; } = "message";
    [JsonPropertyName("from")] public ChannelAccount? From { get; init; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; init; }
    [JsonPropertyName("conversation")] public ChannelAccount? Conversation { get; init; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("attachments")] public IReadOnlyList<CardAttachment>? Attachments { get; init; }

    public sealed record ChannelAccount([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("name")] string? Name = null);

    /// <summary>The card as it was bound (<see cref="WrittenJson"/>): written into the activity as it is, not read into
    /// nodes and written again.</summary>
    public sealed record CardAttachment([property: JsonPropertyName("contentType")] string ContentType, [property: JsonPropertyName("content")] WrittenJson Content);
}
