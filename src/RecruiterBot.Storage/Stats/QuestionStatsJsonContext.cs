using System.Text.Json.Serialization;

namespace RecruiterBot.Storage.Stats;

/// <summary>The JSON of <c>/admin/stats.json</c> and <c>stats --json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(QuestionStats))]
public sealed partial class QuestionStatsJsonContext : JsonSerializerContext;
