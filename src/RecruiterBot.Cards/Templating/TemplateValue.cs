using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Templating;

/// <summary>The value of an expression: a JSON node, JSON null, or undefined (a path that names nothing).</summary>
internal readonly record struct TemplateValue(bool IsDefined, JsonNode? Node)
{
    public static readonly TemplateValue Undefined = new(false, null);

    public static TemplateValue Of(JsonNode? node) => new(true, node);

    public bool IsNullOrUndefined => !IsDefined || Node is null;

    /// <summary>adaptive-expressions' truth: false, null and undefined are false; everything else is true.</summary>
    public bool IsLogicTrue => !IsNullOrUndefined && !(Node is JsonValue v && v.GetValueKind() == JsonValueKind.False);

    /// <summary>Strictly the boolean <c>true</c>: what <c>$when</c> needs to keep an element.</summary>
    public bool IsTrue => Node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public bool IsEmpty => Node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        _ => false,
    };

    public double? AsNumber() => Node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? Number(v) : null;

    // A JsonValue made from an int cannot be read as a double; its JSON text always can.
    public static double Number(JsonValue v) => double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool AreEqual(TemplateValue a, TemplateValue b)
    {
        if (a.IsNullOrUndefined || b.IsNullOrUndefined) return a.IsNullOrUndefined && b.IsNullOrUndefined;
        if (a.Node is JsonValue x && b.Node is JsonValue y)
        {
            var (kx, ky) = (x.GetValueKind(), y.GetValueKind());
            if (kx == JsonValueKind.Number && ky == JsonValueKind.Number) return Number(x) == Number(y);
            if (kx == JsonValueKind.String && ky == JsonValueKind.String) return x.GetValue<string>() == y.GetValue<string>();
            return kx == ky && kx is JsonValueKind.True or JsonValueKind.False;
        }
        throw new TemplateException($"'==' compares texts, numbers and booleans, got {a} and {b}");
    }

    /// <summary>The value as it reads inside a longer text ("Another in ${category}").</summary>
    public string ToText() => Node switch
    {
        null => throw new TemplateException("a null value cannot be put into a text"),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => Number(v).ToString("R", CultureInfo.InvariantCulture),
            _ => v.ToJsonString(),
        },
        _ => throw new TemplateException("a list or an object cannot be put into a text"),
    };

    public override string ToString() => IsDefined ? Node?.ToJsonString() ?? "null" : "undefined";
}

/// <summary>Where an expression is evaluated: the whole data, the current <c>$data</c> and the repetition index.</summary>
internal sealed record TemplateScope(JsonNode? Root, JsonNode? Data, int? Index);
