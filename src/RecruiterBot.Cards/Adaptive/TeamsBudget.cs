using System.Text;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Adaptive;

/// <summary>
/// The size budget of a card sent to Teams: the serialized activity must stay under 28 KB. Teams accepts about
/// 100 KB from a bot, but 28 KB is what search results and incoming webhooks allow, so a card under it fits everywhere.
/// </summary>
public static class TeamsBudget
{
    public const int MaxActivityBytes = 28 * 1024;

    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The message activity a card is measured in (and that the Teams channel sends): the card's fallback
    /// text as <c>text</c>, the card as the one attachment.</summary>
    public static JsonObject Activity(JsonObject card) => new()
    {
        ["type"] = "message",
        ["text"] = card["fallbackText"]?.DeepClone() ?? "",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["content"] = card.DeepClone() }),
    };

    public static int ActivityBytes(JsonObject card) => Encoding.UTF8.GetByteCount(Activity(card).ToJsonString());

    public static bool Fits(JsonObject card) => ActivityBytes(card) <= MaxActivityBytes;
}
