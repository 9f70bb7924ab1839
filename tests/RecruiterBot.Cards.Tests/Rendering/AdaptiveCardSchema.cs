using System.Text.Json.Nodes;
using Json.Schema;

namespace RecruiterBot.Cards.Tests.Rendering;

/// <summary>The official Adaptive Card 1.5 JSON schema (a copy in TestData/: tests never read ../shared).</summary>
internal static class AdaptiveCardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "adaptive-card-1.5.json"))));

    /// <summary>One line per card that fails the schema, naming the card and its first five errors with their paths.</summary>
    public static List<string> Problems(IEnumerable<(string Name, JsonObject Card)> cards)
    {
        var invalid = new List<string>();
        foreach (var (name, card) in cards)
        {
            var result = Schema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(card.ToJsonString()).RootElement,
                new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
                invalid.Add($"{name}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5)));
        }
        return invalid;
    }
}
