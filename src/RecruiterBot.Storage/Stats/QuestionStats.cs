using System.Text.Json.Serialization;

namespace RecruiterBot.Storage.Stats;

/// <summary>The question log summed up: per day and channel, per channel, intent mix, top entries, latest unanswered.</summary>
public sealed record QuestionStats(
    [property: JsonPropertyName("since")] DateTimeOffset Since,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("perDay")] IReadOnlyList<DayCount> PerDay,
    [property: JsonPropertyName("perChannel")] IReadOnlyList<NamedCount> PerChannel,
    [property: JsonPropertyName("intents")] IReadOnlyList<NamedCount> Intents,
    [property: JsonPropertyName("topEntries")] IReadOnlyList<EntryCount> TopEntries,
    [property: JsonPropertyName("unanswered")] IReadOnlyList<UnansweredQuestion> Unanswered)
{
    public const int TopEntryLimit = 20;
}

/// <summary>Questions on one UTC day in one channel.</summary>
public sealed record DayCount(
    [property: JsonPropertyName("day")] DateOnly Day,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("count")] long Count);

public sealed record NamedCount(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("count")] long Count);

/// <summary>A knowledge entry (kind and id as in the reply envelope) and how often it was the answer.</summary>
public sealed record EntryCount(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("count")] long Count);

/// <summary>An unanswered question (cleaned, cut, personal data removed), how often it was asked and when last.</summary>
public sealed record UnansweredQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("lastAsked")] DateTimeOffset LastAsked);
