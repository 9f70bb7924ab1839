using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Slack;

/// <summary>
/// Makes a bound Block Kit message safe to post: escapes <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> in every mrkdwn text
/// (so a user's <c>&lt;!channel&gt;</c> pings nobody) and keeps within Block Kit's limits, cutting long text cleanly with
/// "…" rather than having Slack reject the message.
/// </summary>
/// <remarks>Limits: https://api.slack.com/reference/block-kit/blocks</remarks>
public static class SlackLimits
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxFieldText = 2000;
    public const int MaxFields = 10;
    public const int MaxHeaderText = 150;
    public const int MaxContextElements = 10;
    public const int MaxActionElements = 25;
    public const int MaxButtonText = 75;
    public const int MaxActionId = 255;
    public const int MaxFallbackText = 3000;
    public const string DefaultFallback = "RecruiterBot";

    public static JsonObject Apply(JsonObject message)
    {
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        var text = Cut(Escape(message["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : ""), MaxFallbackText);
        var blocks = new JsonArray();
        foreach (var block in message["blocks"] as JsonArray ?? [])
            if (block is JsonObject b && Block(b, actionIds) is { } kept) blocks.Add(kept);
        if (blocks.Count > MaxBlocks)
        {
            var first = blocks.Take(MaxBlocks - 1).Select(x => x!.DeepClone()).ToList();
            blocks = new JsonArray([.. first, Context("… more than Slack shows in one message; ask again for the rest.")]);
        }
        return new JsonObject
        {
            ["text"] = string.IsNullOrWhiteSpace(text) ? DefaultFallback : text,
            ["blocks"] = blocks,
        };
    }

    /// <summary>Slack's escaping for mrkdwn text: only these three characters are control characters.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Cuts text to at most <paramref name="max"/> characters, at a word boundary when one is near, ending with "…";
    /// never inside an escape (<c>&amp;amp;</c>) or a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var end = max - 1;
        if (char.IsLowSurrogate(text[end])) end--;
        var amp = text.LastIndexOf('&', end - 1, Math.Min(end, 6));
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && (semi < 0 || semi >= end)) end = amp;
        var space = text.LastIndexOf(' ', end - 1, Math.Min(end, Math.Max(1, max / 5)));
        if (space > 0) end = space;
        return text[..end].TrimEnd() + "…";
    }

    private static JsonObject? Block(JsonObject block, HashSet<string> actionIds)
    {
        var b = block.DeepClone().AsObject();
        switch (b["type"]?.GetValue<string>())
        {
            case "header":
                return TextObject(b["text"], MaxHeaderText) ? b : null;
            case "section":
                var hasText = TextObject(b["text"], MaxSectionText);
                if (!hasText) b.Remove("text");
                if (b["fields"] is JsonArray fields)
                {
                    var kept = fields.Where(f => TextObject(f, MaxFieldText)).Take(MaxFields).Select(f => f!.DeepClone()).ToList();
                    if (kept.Count == 0) b.Remove("fields");
                    else b["fields"] = new JsonArray([.. kept]);
                }
                if (b["accessory"] is JsonObject accessory && !Element(accessory, actionIds)) b.Remove("accessory");
                return hasText || b["fields"] is not null ? b : null;
            case "context":
                var elements = (b["elements"] as JsonArray ?? []).Where(e => TextObject(e, MaxSectionText)).Take(MaxContextElements).Select(e => e!.DeepClone()).ToList();
                if (elements.Count == 0) return null;
                b["elements"] = new JsonArray([.. elements]);
                return b;
            case "actions":
                var buttons = (b["elements"] as JsonArray ?? []).OfType<JsonObject>().Where(e => Element(e, actionIds)).Take(MaxActionElements).Select(e => e.DeepClone()).ToList();
                if (buttons.Count == 0) return null;
                b["elements"] = new JsonArray([.. buttons]);
                return b;
            default:
                return b;
        }
    }

    // A text object: mrkdwn is escaped, both kinds are cut; false when it is empty (Slack rejects empty text).
    private static bool TextObject(JsonNode? node, int max)
    {
        if (node is not JsonObject o || o["text"] is not JsonValue v || !v.TryGetValue<string>(out var text)) return false;
        if (o["type"]?.GetValue<string>() == "mrkdwn") text = Escape(text);
        text = Cut(text, max);
        o["text"] = text;
        return !string.IsNullOrWhiteSpace(text);
    }

    private static bool Element(JsonObject element, HashSet<string> actionIds)
    {
        if (element["type"]?.GetValue<string>() != "button") return true;
        if (!TextObject(element["text"], MaxButtonText)) return false;
        var id = element["action_id"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : "button";
        id = id.Length > MaxActionId - 4 ? id[..(MaxActionId - 4)] : id;
        var unique = id;
        for (var n = 2; !actionIds.Add(unique); n++) unique = id + "-" + n.ToString(CultureInfo.InvariantCulture);
        element["action_id"] = unique;
        return true;
    }

    private static JsonObject Context(string text) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = text }),
    };
}
