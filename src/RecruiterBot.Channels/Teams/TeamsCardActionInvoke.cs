using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke: the pressed <c>Action.Execute</c> (the bot reads
/// its <c>data</c>; <c>verb</c> repeats the data's <c>action</c>).</summary>
/// <remarks>https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model</remarks>
public sealed record TeamsCardActionInvoke
{
    [JsonPropertyName("action")] public ExecuteAction? Action { get; init; }

    public sealed record ExecuteAction
    {
        /// <summary>The action's <c>data</c> with the card's inputs merged in.</summary>
        [JsonPropertyName("data")] public JsonElement? Data { get; init; }
    }
}
