using System.Text.Json;

namespace RecruiterBot.Core.Conversation;

/// <summary>
/// The data of a card button, one shape for every channel (documented in cards/README.md):
/// <c>{"action": "define", "kind", "id"}</c>, <c>{"action": "interview", "category"?, "skill"?}</c>,
/// <c>{"action": "answer", "id"}</c>, <c>{"action": "resume-help"}</c>, <c>{"action": "overview"}</c>, <c>{"action": "help"}</c>.
/// </summary>
public sealed record CardAction(string Action, string? Kind = null, string? Id = null, string? Category = null, string? Skill = null)
{
    public const string Define = "define";
    public const string Interview = "interview";
    public const string Answer = "answer";
    public const string ResumeHelp = "resume-help";
    public const string Overview = "overview";
    public const string Help = "help";

    /// <summary>Reads a button's data; anything that is not an object with a text <c>action</c> gives null
    /// (the turn then answers with help, never an error). Unknown fields are ignored.</summary>
    public static CardAction? FromJson(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            // Teams sends string data as text, some clients wrap the object as a JSON string.
            try
            {
                using var doc = JsonDocument.Parse(value.GetString() ?? "");
                return FromJson(doc.RootElement.Clone());
            }
            catch (JsonException) { return null; }
        }
        if (value.ValueKind != JsonValueKind.Object) return null;
        string? Read(string name) =>
            value.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? Limit(p.GetString()) : null;
        var action = Read("action");
        return action is null ? null : new CardAction(action, Read("kind"), Read("id"), Read("category"), Read("skill"));
    }

    // Ids are short slugs; anything longer is not one of ours.
    private static string? Limit(string? s) => s is { Length: > 0 and <= 100 } ? s : null;

    /// <summary>The button data as a JSON object, the shape <see cref="FromJson"/> reads.</summary>
    public Dictionary<string, string> ToData()
    {
        var data = new Dictionary<string, string> { ["action"] = Action };
        if (Kind is not null) data["kind"] = Kind;
        if (Id is not null) data["id"] = Id;
        if (Category is not null) data["category"] = Category;
        if (Skill is not null) data["skill"] = Skill;
        return data;
    }
}
