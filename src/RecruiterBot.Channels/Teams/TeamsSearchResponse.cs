using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The answer to a <c>composeExtension/query</c> invoke: a list of results, each a full Adaptive Card with a
/// thumbnail card as its preview in the list.</summary>
/// <remarks>https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search</remarks>
public sealed record TeamsSearchResponse([property: JsonPropertyName("composeExtension")] TeamsSearchResponse.SearchResult ComposeExtension)
{
    public const string ThumbnailType = "application/vnd.microsoft.card.thumbnail";

    public sealed record SearchResult(
        [property: JsonPropertyName("attachments")] IReadOnlyList<ResultAttachment> Attachments)
    {
        [JsonPropertyName("type")] public string Type { get; init; } = "result";
        [JsonPropertyName("attachmentLayout")] public string AttachmentLayout { get; init; } = "list";
    }

    public sealed record ResultAttachment(
        [property: JsonPropertyName("contentType")] string ContentType,
        [property: JsonPropertyName("content")] JsonObject Content,
        [property: JsonPropertyName("preview")] ResultPreview Preview);

    public sealed record ResultPreview(
        [property: JsonPropertyName("contentType")] string ContentType,
        [property: JsonPropertyName("content")] Thumbnail Content);

    public sealed record Thumbnail([property: JsonPropertyName("title")] string Title, [property: JsonPropertyName("text")] string Text);
}
