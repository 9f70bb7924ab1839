using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The <c>value</c> of a <c>composeExtension/query</c> invoke: what was typed in the search box.</summary>
/// <remarks>https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search</remarks>
public sealed record TeamsSearchQuery
{
    [JsonPropertyName("commandId")] public string? CommandId { get; init; }
    [JsonPropertyName("parameters")] public IReadOnlyList<QueryParameter>? Parameters { get; init; }
    [JsonPropertyName("queryOptions")] public QueryPaging? QueryOptions { get; init; }

    public sealed record QueryParameter
    {
        [JsonPropertyName("name")] public string? Name { get; init; }
        [JsonPropertyName("value")] public string? Value { get; init; }
    }

    public sealed record QueryPaging
    {
        [JsonPropertyName("skip")] public int? Skip { get; init; }
        [JsonPropertyName("count")] public int? Count { get; init; }
    }
}
