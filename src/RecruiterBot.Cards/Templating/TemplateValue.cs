using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace RecruiterBot.Cards.Templating;

/// <summary>The value of an expression: undefined (a path that names nothing), JSON null, a part of the data read in
/// place (no copy), or a value the expression computed (a boolean, a count, a literal text or number).</summary>
internal readonly struct TemplateValue
{
    public static readonly TemplateValue Undefined = default;
    public static readonly TemplateValue Null = new(JsonValueKind.Null);

    private readonly JsonElement _element;
    private readonly bool _inData;
    private readonly string? _text;
    private readonly long _integer;

    private TemplateValue(JsonValueKind kind, string? text = null, long integer = 0)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
    }

    private TemplateValue(JsonElement element)
    {
        Kind = element.ValueKind;
        _element = element;
        _inData = true;
    }

    /// <summary><see cref="JsonValueKind.Undefined"/> when the value is undefined.</summary>
    public JsonValueKind Kind { get; }

    public static TemplateValue Of(JsonElement element) => new(element);

    public static TemplateValue Of(bool value) => new(value ? JsonValueKind.True : JsonValueKind.False);

    public static TemplateValue Of(long value) => new(JsonValueKind.Number, integer: value);

    public static TemplateValue Of(string value) => new(JsonValueKind.String, text: value);

    public bool IsDefined => Kind != JsonValueKind.Undefined;

    public bool IsNullOrUndefined => Kind is JsonValueKind.Undefined or JsonValueKind.Null;

    /// <summary>adaptive-expressions' truth: false, null and undefined are false; everything else is true.</summary>
    public bool IsLogicTrue => !IsNullOrUndefined && Kind != JsonValueKind.False;

    /// <summary>Strictly the boolean <c>true</c>: what <c>$when</c> needs to keep an element.</summary>
    public bool IsTrue => Kind == JsonValueKind.True;

    public bool IsEmpty => Kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.Array => _element.GetArrayLength() == 0,
        JsonValueKind.Object => !_element.EnumerateObject().MoveNext(),
        JsonValueKind.String => Text.Length == 0,
        _ => false,
    };

    public string Text => _inData ? _element.GetString()! : _text!;

    public double? AsNumber() => Kind == JsonValueKind.Number ? Number : null;

    // The data's number read from its JSON text, as the templating language does (a huge one is infinity, not an error).
    private double Number => !_inData ? _integer
        : _element.TryGetDouble(out var d) ? d : double.Parse(_element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public int Count => Kind switch
    {
        JsonValueKind.Array => _element.GetArrayLength(),
        JsonValueKind.String => Text.Length,
        _ => throw new TemplateException($"count() needs a list or a text, got {this}"),
    };

    /// <summary>The field <paramref name="utf8Name"/> of an object; undefined for anything else or a missing field.</summary>
    public TemplateValue Field(ReadOnlySpan<byte> utf8Name) =>
        Kind == JsonValueKind.Object && _element.TryGetProperty(utf8Name, out var next) ? new(next) : Undefined;

    /// <summary>The items of a list (only called when <see cref="Kind"/> is <see cref="JsonValueKind.Array"/>).</summary>
    public JsonElement.ArrayEnumerator Items => _element.EnumerateArray();

    public static bool AreEqual(TemplateValue a, TemplateValue b)
    {
        if (a.IsNullOrUndefined || b.IsNullOrUndefined) return a.IsNullOrUndefined && b.IsNullOrUndefined;
        if (a.Kind is JsonValueKind.Array or JsonValueKind.Object || b.Kind is JsonValueKind.Array or JsonValueKind.Object)
            throw new TemplateException($"'==' compares texts, numbers and booleans, got {a} and {b}");
        if (a.Kind == JsonValueKind.Number && b.Kind == JsonValueKind.Number) return a.Number == b.Number;
        if (a.Kind == JsonValueKind.String && b.Kind == JsonValueKind.String)
            return a._inData ? (b._inData ? a.Text == b.Text : a._element.ValueEquals(b._text)) : b._inData ? b._element.ValueEquals(a._text) : a._text == b._text;
        return a.Kind == b.Kind && a.Kind is JsonValueKind.True or JsonValueKind.False;
    }

    /// <summary>The value as it reads inside a longer text ("Another in ${category}").</summary>
    public string ToText() => Kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => throw new TemplateException("a null value cannot be put into a text"),
        JsonValueKind.String => Text,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        _ => throw new TemplateException("a list or an object cannot be put into a text"),
    };

    /// <summary>The most characters <see cref="CopyText"/> writes: a text of the data takes no more characters than its
    /// JSON bytes.</summary>
    public int MaxTextLength => Kind switch
    {
        JsonValueKind.String => _inData ? JsonMarshal.GetRawUtf8Value(_element).Length : _text!.Length,
        _ => 32,
    };

    /// <summary><see cref="ToText"/> into <paramref name="destination"/> (at least <see cref="MaxTextLength"/> long),
    /// without making a string of a text read from the data; returns the characters written.</summary>
    public int CopyText(Span<char> destination)
    {
        if (_inData && Kind == JsonValueKind.String)
        {
            // Without escapes the JSON text is the text in UTF-8; with them, the reader unescapes as GetString would.
            var raw = JsonMarshal.GetRawUtf8Value(_element);
            if (!raw.Contains((byte)'\\')) return Encoding.UTF8.GetChars(raw[1..^1], destination);
            var reader = new Utf8JsonReader(raw);
            reader.Read();
            return reader.CopyString(destination);
        }
        var text = ToText();
        text.CopyTo(destination);
        return text.Length;
    }

    /// <summary>Writes the value as JSON: a part of the data is copied as it is.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_inData)
        {
            BoundJson.Copy(_element, writer);
            return;
        }
        switch (Kind)
        {
            case JsonValueKind.String: writer.WriteStringValue(_text); break;
            case JsonValueKind.Number: writer.WriteNumberValue(_integer); break;
            case JsonValueKind.True or JsonValueKind.False: writer.WriteBooleanValue(Kind == JsonValueKind.True); break;
            default: writer.WriteNullValue(); break;
        }
    }

    public override string ToString() => !IsDefined ? "undefined"
        : _inData ? _element.GetRawText()
        : Kind switch
        {
            JsonValueKind.String => "\"" + JsonEncodedText.Encode(_text!) + "\"",
            JsonValueKind.Number => _integer.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        };
}

/// <summary>Where an expression is evaluated: the whole data, the current <c>$data</c> and the repetition index.</summary>
internal readonly record struct TemplateScope(TemplateValue Root, TemplateValue Data, int? Index);
