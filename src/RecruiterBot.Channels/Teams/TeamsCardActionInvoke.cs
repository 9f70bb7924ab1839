using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke: the pressed <c>Action.Execute</c>.</summary>
/// <remarks>https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model</remarks>
public sealed record TeamsCardActionInvoke
{
    [JsonPropertyName("action")] public ExecuteAction? Action { get; init; }

    /// <summary><c>manual</c> (a press) or <c>automatic</c> (a refresh).</summary>
    [JsonPropertyName("trigger")] public string? Trigger { get; init; }

    public sealed record ExecuteAction
    {
        [JsonPropertyName("type")] public string? Type { get; init; }
        [JsonPropertyName("verb")] public string? Verb { get; init; }
        /// <summary>The action's <c>data</c> with the card's inputs merged in.</summary>
        [JsonPropertyName("data")] public JsonElement? Data { get; init; }
    }
}
