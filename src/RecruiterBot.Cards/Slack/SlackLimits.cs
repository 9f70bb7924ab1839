using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Slack;

/// <summary>
/// Makes a bound Block Kit message safe to post: escapes <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> in every mrkdwn text
/// (so a user's <c>&lt;!channel&gt;</c> pings nobody) and keeps within Block Kit's limits, cutting long text cleanly with
/// "…" rather than having Slack reject the message.
/// </summary>
/// <remarks>Limits: https://api.slack.com/reference/block-kit/blocks</remarks>
public static partial class SlackLimits
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
        var writer = ScratchWriter.Start();
        message.WriteTo(writer);
        return Apply(ScratchWriter.Written(writer));
    }

    /// <summary><see cref="Apply(JsonObject)"/> for a message written as JSON (a bound template).</summary>
    internal static JsonObject Apply(ReadOnlySpan<byte> message) => BoundJson.ToObject(ApplyToJson(message))!;

    /// <summary>The message made safe, as UTF-8 JSON: parts that need no change are copied as they are written, and a
    /// message that needs none (a bound template's usual case) is copied whole without being parsed.</summary>
    internal static byte[] ApplyToJson(ReadOnlySpan<byte> message) => IsAlreadySafe(message) ? message.ToArray() : Rewrite(message);

    /// <summary>The message read into a document and written again made safe, part by part.</summary>
    internal static byte[] Rewrite(ReadOnlySpan<byte> message)
    {
        // Read from a pooled copy (the bound message may be in the scratch buffer that writing the safe one reuses),
        // with pooled parse data given back once it is written.
        var copy = ArrayPool<byte>.Shared.Rent(message.Length);
        try
        {
            message.CopyTo(copy);
            using var document = JsonDocument.Parse(copy.AsMemory(0, message.Length));
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new ArgumentException("not a JSON object", nameof(message));
            var writer = ScratchWriter.Start();
            Write(document.RootElement, writer);
            return ScratchWriter.Written(writer).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Writes the message made safe, reading the bound one in place: kept parts are copied as they are.</summary>
    private static void Write(JsonElement message, Utf8JsonWriter writer)
    {
        var text = Cut(Escape(message.TryGetProperty("text"u8, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : ""), MaxFallbackText);
        writer.WriteStartObject();
        writer.WriteString("text"u8, string.IsNullOrWhiteSpace(text) ? DefaultFallback : text);
        writer.WriteStartArray("blocks"u8);
        if (message.TryGetProperty("blocks"u8, out var blocks) && blocks.ValueKind == JsonValueKind.Array)
        {
            // Over the limit, the last place goes to a note saying so.
            var room = blocks.GetArrayLength() > MaxBlocks && blocks.EnumerateArray().Count(Keeps) > MaxBlocks ? MaxBlocks - 1 : MaxBlocks;
            var actionIds = new HashSet<string>(StringComparer.Ordinal);
            var written = 0;
            foreach (var block in blocks.EnumerateArray())
                if (written < room && block.ValueKind == JsonValueKind.Object && Block(block, actionIds, writer)) written++;
            if (room < MaxBlocks) WriteContext(writer, "… more than Slack shows in one message; ask again for the rest.");
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
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

    // Whether Block keeps a block, without writing it.
    private static bool Keeps(JsonElement block) => block.ValueKind == JsonValueKind.Object && TypeOf(block) switch
    {
        "header" => IsText(Property(block, "text"u8)),
        "section" => IsText(Property(block, "text"u8)) || HasFields(Property(block, "fields"u8)),
        "context" => Items(Property(block, "elements"u8)).Any(IsText),
        "actions" => Items(Property(block, "elements"u8)).Any(e => e.ValueKind == JsonValueKind.Object && IsElement(e)),
        _ => true,
    };

    // Writes the block if it is kept: text escaped and cut, empty texts and elements left out, action ids unique.
    private static bool Block(JsonElement block, HashSet<string> actionIds, Utf8JsonWriter writer)
    {
        switch (TypeOf(block))
        {
            case "header":
                if (!IsText(Property(block, "text"u8))) return false;
                writer.WriteStartObject();
                foreach (var p in block.EnumerateObject())
                {
                    if (p.NameEquals("text"u8)) WriteTextObject("text"u8, p.Value, MaxHeaderText, writer);
                    else BoundJson.Copy(p, writer);
                }
                writer.WriteEndObject();
                return true;
            case "section":
                var hasText = IsText(Property(block, "text"u8));
                if (!hasText && !HasFields(Property(block, "fields"u8)))
                {
                    // Dropped, but its button still takes its action id, as Slack numbers them in order.
                    if (Property(block, "accessory"u8) is { ValueKind: JsonValueKind.Object } dropped && Is(dropped, "button"u8) && IsElement(dropped))
                        ActionId(dropped, actionIds);
                    return false;
                }
                writer.WriteStartObject();
                foreach (var p in block.EnumerateObject())
                {
                    if (p.NameEquals("text"u8))
                    {
                        if (hasText) WriteTextObject("text"u8, p.Value, MaxSectionText, writer);
                    }
                    else if (p.NameEquals("fields"u8) && p.Value.ValueKind == JsonValueKind.Array)
                    {
                        if (HasFields(p.Value)) WriteList("fields"u8, Items(p.Value).Where(IsText).Take(MaxFields), MaxFieldText, actionIds, writer);
                    }
                    else if (p.NameEquals("accessory"u8) && p.Value.ValueKind == JsonValueKind.Object)
                    {
                        if (IsElement(p.Value))
                        {
                            writer.WritePropertyName("accessory"u8);
                            WriteElement(p.Value, actionIds, writer);
                        }
                    }
                    else BoundJson.Copy(p, writer);
                }
                writer.WriteEndObject();
                return true;
            case "context":
                if (!Items(Property(block, "elements"u8)).Any(IsText)) return false;
                WriteWithElements(block, Items(Property(block, "elements"u8)).Where(IsText).Take(MaxContextElements), MaxSectionText, actionIds, writer);
                return true;
            case "actions":
                var buttons = Items(Property(block, "elements"u8)).Where(e => e.ValueKind == JsonValueKind.Object && IsElement(e)).Take(MaxActionElements);
                if (!buttons.Any()) return false;
                WriteWithElements(block, buttons, textMax: null, actionIds, writer);
                return true;
            default:
                BoundJson.Copy(block, writer);
                return true;
        }
    }

    private static void WriteWithElements(JsonElement block, IEnumerable<JsonElement> elements, int? textMax, HashSet<string> actionIds, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var p in block.EnumerateObject())
        {
            if (p.NameEquals("elements"u8)) WriteList("elements"u8, elements, textMax, actionIds, writer);
            else BoundJson.Copy(p, writer);
        }
        writer.WriteEndObject();
    }

    // A list of text objects (textMax set) or of elements.
    private static void WriteList(ReadOnlySpan<byte> name, IEnumerable<JsonElement> items, int? textMax, HashSet<string> actionIds, Utf8JsonWriter writer)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            if (textMax is { } max) WriteTextObject(item, max, writer);
            else WriteElement(item, actionIds, writer);
        }
        writer.WriteEndArray();
    }

    private static JsonElement Property(JsonElement o, ReadOnlySpan<byte> name) =>
        o.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string? TypeOf(JsonElement o) => Property(o, "type"u8) switch
    {
        { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => null,
        var type => type.GetString(),
    };

    private static bool Is(JsonElement o, ReadOnlySpan<byte> type) =>
        Property(o, "type"u8) is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } t && t.ValueEquals(type);

    // A section keeps its fields unless they are a list with no text in it.
    private static bool HasFields(JsonElement fields) => fields.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => false,
        JsonValueKind.Array => fields.EnumerateArray().Any(IsText),
        _ => true,
    };

    // A text object that is not empty (Slack rejects empty text); cutting never empties a text.
    private static bool IsText(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && Property(node, "text"u8) is { ValueKind: JsonValueKind.String } text && !IsBlank(text);

    // string.IsNullOrWhiteSpace of the text, read without making the string when it is plain ASCII: a JSON string holds
    // no raw control characters, so its only raw whitespace is the space.
    private static bool IsBlank(JsonElement text)
    {
        var raw = JsonMarshal.GetRawUtf8Value(text);
        raw = raw[1..^1];
        if (!Ascii.IsValid(raw) || raw.Contains((byte)'\\')) return string.IsNullOrWhiteSpace(text.GetString());
        return raw.IndexOfAnyExcept((byte)' ') < 0;
    }

    private static void WriteTextObject(ReadOnlySpan<byte> name, JsonElement o, int max, Utf8JsonWriter writer)
    {
        writer.WritePropertyName(name);
        WriteTextObject(o, max, writer);
    }

    // A text object: mrkdwn is escaped, both kinds are cut.
    private static void WriteTextObject(JsonElement o, int max, Utf8JsonWriter writer)
    {
        var value = Property(o, "text"u8);
        var isMarkdown = Is(o, "mrkdwn"u8);
        if (IsUnchanged(JsonMarshal.GetRawUtf8Value(value)[1..^1], max, isMarkdown))
        {
            BoundJson.Copy(o, writer);
            return;
        }
        var text = value.GetString()!;
        if (isMarkdown) text = Escape(text);
        text = Cut(text, max);
        writer.WriteStartObject();
        foreach (var p in o.EnumerateObject())
        {
            if (p.NameEquals("text"u8)) writer.WriteString("text"u8, text);
            else BoundJson.Copy(p, writer);
        }
        writer.WriteEndObject();
    }

    // Text that neither escaping nor cutting changes, told from its JSON text: no longer in bytes than the limit in
    // characters (UTF-8 never takes fewer bytes than UTF-16 chars) and, for mrkdwn, no '&', '<' or '>', as such or
    // written \u0026, \u003C, \u003E (the default encoder's form). A false alarm only takes the longer way.
    private static bool IsUnchanged(ReadOnlySpan<byte> raw, int max, bool isMarkdown)
    {
        if (raw.Length > max) return false;
        if (!isMarkdown) return true;
        if (raw.ContainsAny("&<>"u8)) return false;
        for (var at = raw.IndexOf("\\u00"u8); at >= 0; at = raw.IndexOf("\\u00"u8))
        {
            if (at + 6 > raw.Length) return false;
            var code = raw.Slice(at + 4, 2);
            if (code.SequenceEqual("26"u8) || Ascii.EqualsIgnoreCase(code, "3c"u8) || Ascii.EqualsIgnoreCase(code, "3e"u8)) return false;
            raw = raw[(at + 4)..];
        }
        return true;
    }

    // Every element but a button whose text is empty.
    private static bool IsElement(JsonElement element) => !Is(element, "button"u8) || IsText(Property(element, "text"u8));

    private static void WriteElement(JsonElement element, HashSet<string> actionIds, Utf8JsonWriter writer)
    {
        if (!Is(element, "button"u8))
        {
            BoundJson.Copy(element, writer);
            return;
        }
        var id = ActionId(element, actionIds);
        var hadId = false;
        writer.WriteStartObject();
        foreach (var p in element.EnumerateObject())
        {
            if (p.NameEquals("text"u8)) WriteTextObject("text"u8, p.Value, MaxButtonText, writer);
            else if (p.NameEquals("action_id"u8))
            {
                writer.WriteString("action_id"u8, id);
                hadId = true;
            }
            else BoundJson.Copy(p, writer);
        }
        if (!hadId) writer.WriteString("action_id"u8, id);
        writer.WriteEndObject();
    }

    // Slack rejects a message whose buttons share an action id: the second "same" becomes "same-2".
    private static string ActionId(JsonElement button, HashSet<string> actionIds)
    {
        var id = Property(button, "action_id"u8) is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 } s ? s : "button";
        id = id.Length > MaxActionId - 4 ? id[..(MaxActionId - 4)] : id;
        var unique = id;
        for (var n = 2; !actionIds.Add(unique); n++) unique = id + "-" + n.ToString(CultureInfo.InvariantCulture);
        return unique;
    }

    private static void WriteContext(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "context");
        writer.WriteStartArray("elements"u8);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "mrkdwn");
        writer.WriteString("text"u8, text);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
