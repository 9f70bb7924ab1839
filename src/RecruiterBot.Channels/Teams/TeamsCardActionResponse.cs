using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The body of the answer to an <c>adaptiveCard/action</c> invoke: the card that replaces the pressed one,
/// or a message shown to the user.</summary>
/// <remarks>https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model#response-format</remarks>
public sealed record TeamsCardActionResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] JsonNode Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static TeamsCardActionResponse Card(JsonObject card) => new(200, CardType, card);

    public static TeamsCardActionResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));
}
