using System.Collections;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RecruiterBot.Cards.Templating;

/// <summary>The value of an expression: undefined (a path that names nothing), JSON null, a part of JSON data read in
/// place (no copy), an object or a list of typed data read through its <see cref="DataShape"/> (no JSON in between;
/// its texts, numbers and booleans are held as computed ones), or a value the expression computed (a boolean, a count,
/// a literal text or number). Typed data binds to the JSON its contract would write, byte for byte.</summary>
/// <remarks>Kept small (four words): binding copies values and scopes at every step. JSON data, which only
/// <see cref="TemplateEngine.Expand"/> binds, is held boxed for that.</remarks>
internal readonly struct TemplateValue
{
    public static readonly TemplateValue Undefined = default;
    public static readonly TemplateValue Null = new(JsonValueKind.Null);

    // A text: the string. JSON data: the JsonElement, boxed. Typed data: the object or list, read through _shape.
    private readonly object? _ref;
    private readonly DataShape? _shape;
    private readonly long _integer;
    private readonly bool _inData;

    private TemplateValue(JsonValueKind kind, string? text = null, long integer = 0)
    {
        Kind = kind;
        _ref = text;
        _integer = integer;
    }

    private TemplateValue(JsonElement element)
    {
        Kind = element.ValueKind;
        _ref = element;
        _inData = true;
    }

    private TemplateValue(JsonValueKind kind, object typed, DataShape shape)
    {
        Kind = kind;
        _ref = typed;
        _shape = shape;
    }

    private JsonElement Element => (JsonElement)_ref!;

    // A text held as a string: computed, or read from typed data.
    private string? HeldText => _ref as string;

    private bool IsTyped => _shape is not null;

    /// <summary><see cref="JsonValueKind.Undefined"/> when the value is undefined.</summary>
    public JsonValueKind Kind { get; }

    public static TemplateValue Of(JsonElement element) => new(element);

    public static TemplateValue Of(bool value) => new(value ? JsonValueKind.True : JsonValueKind.False);

    public static TemplateValue Of(long value) => new(JsonValueKind.Number, integer: value);

    public static TemplateValue Of(string value) => new(JsonValueKind.String, text: value);

    /// <summary>A value of typed data whose declared type has <paramref name="shape"/>.</summary>
    public static TemplateValue Of(object? value, DataShape shape) => shape switch
    {
        _ when value is null => Null,
        DataShape.Object => new(JsonValueKind.Object, value, shape),
        DataShape.List => new(JsonValueKind.Array, value, shape),
        _ => value switch
        {
            string s => Of(s),
            bool b => Of(b),
            int i => Of(i),
            long l => Of(l),
            // A value used whole, such as a button's action data.
            _ when shape.Info!.Kind == JsonTypeInfoKind.Dictionary => new(JsonValueKind.Object, value, shape),
            // Another value (an enum, a date, a fraction): read as its contract writes it.
            _ => Of(JsonSerializer.SerializeToElement(value, shape.Info)),
        },
    };

    public bool IsDefined => Kind != JsonValueKind.Undefined;

    public bool IsNullOrUndefined => Kind is JsonValueKind.Undefined or JsonValueKind.Null;

    /// <summary>adaptive-expressions' truth: false, null and undefined are false; everything else is true.</summary>
    public bool IsLogicTrue => !IsNullOrUndefined && Kind != JsonValueKind.False;

    /// <summary>Strictly the boolean <c>true</c>: what <c>$when</c> needs to keep an element.</summary>
    public bool IsTrue => Kind == JsonValueKind.True;

    public bool IsEmpty => Kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.Array => Count == 0,
        JsonValueKind.Object when _shape is DataShape.Object o => o.Fields.Count == 0,
        JsonValueKind.Object => !Json.EnumerateObject().MoveNext(),
        JsonValueKind.String => Text.Length == 0,
        _ => false,
    };

    public string Text => _inData ? Element.GetString()! : HeldText!;

    public double? AsNumber() => Kind == JsonValueKind.Number ? Number : null;

    // The data's number read from its JSON text, as the templating language does (a huge one is infinity, not an error).
    private double Number => !_inData ? _integer
        : Element.TryGetDouble(out var d) ? d : double.Parse(Element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public int Count => Kind switch
    {
        JsonValueKind.Array => IsTyped ? Items.List.Count : Element.GetArrayLength(),
        JsonValueKind.String => Text.Length,
        _ => throw new TemplateException($"count() needs a list or a text, got {this}"),
    };

    /// <summary>The field <paramref name="name"/> of an object; undefined for anything else or a missing field.</summary>
    public TemplateValue Field(PathSegment name)
    {
        if (Kind != JsonValueKind.Object) return Undefined;
        if (_shape is DataShape.Object shape)
            return name.In(shape) is { } field ? Of(field.Get(_ref!), field.Shape) : Undefined;
        return Json.TryGetProperty(name.Utf8, out var next) ? new(next) : Undefined;
    }

    /// <summary>The items of a list (only called when <see cref="Kind"/> is <see cref="JsonValueKind.Array"/>).</summary>
    public ItemEnumerator Items => IsTyped ? new(_ref!, ((DataShape.List)_shape!).Item) : new(Element.EnumerateArray());

    // JSON data as it is; typed data as its contract writes it (only for what templates do not do with typed data: read a
    // field of a dictionary, test one for emptiness, print one in an error).
    private JsonElement Json => IsTyped ? JsonSerializer.SerializeToElement(_ref, _shape!.Info!) : Element;

    public static bool AreEqual(TemplateValue a, TemplateValue b)
    {
        if (a.IsNullOrUndefined || b.IsNullOrUndefined) return a.IsNullOrUndefined && b.IsNullOrUndefined;
        if (a.Kind is JsonValueKind.Array or JsonValueKind.Object || b.Kind is JsonValueKind.Array or JsonValueKind.Object)
            throw new TemplateException($"'==' compares texts, numbers and booleans, got {a} and {b}");
        if (a.Kind == JsonValueKind.Number && b.Kind == JsonValueKind.Number) return a.Number == b.Number;
        if (a.Kind == JsonValueKind.String && b.Kind == JsonValueKind.String)
            return a._inData ? (b._inData ? a.Text == b.Text : a.Element.ValueEquals(b.HeldText)) : b._inData ? b.Element.ValueEquals(a.HeldText) : a.HeldText == b.HeldText;
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
        JsonValueKind.String => _inData ? JsonMarshal.GetRawUtf8Value(Element).Length : HeldText!.Length,
        _ => 32,
    };

    /// <summary><see cref="ToText"/> into <paramref name="destination"/> (at least <see cref="MaxTextLength"/> long),
    /// without making a string of a text read from the data; returns the characters written.</summary>
    public int CopyText(Span<char> destination)
    {
        if (_inData && Kind == JsonValueKind.String)
        {
            // Without escapes the JSON text is the text in UTF-8; with them, the reader unescapes as GetString would.
            var raw = JsonMarshal.GetRawUtf8Value(Element);
            if (!raw.Contains((byte)'\\')) return Encoding.UTF8.GetChars(raw[1..^1], destination);
            var reader = new Utf8JsonReader(raw);
            reader.Read();
            return reader.CopyString(destination);
        }
        var text = ToText();
        text.CopyTo(destination);
        return text.Length;
    }

    /// <summary>Writes the value as JSON: a part of JSON data is copied as it is, typed data written by its contract.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_inData)
        {
            BoundJson.Copy(Element, writer);
            return;
        }
        if (IsTyped)
        {
            JsonSerializer.Serialize(writer, _ref, _shape!.Info!);
            return;
        }
        switch (Kind)
        {
            case JsonValueKind.String: writer.WriteStringValue(HeldText); break;
            case JsonValueKind.Number: writer.WriteNumberValue(_integer); break;
            case JsonValueKind.True or JsonValueKind.False: writer.WriteBooleanValue(Kind == JsonValueKind.True); break;
            default: writer.WriteNullValue(); break;
        }
    }

    public override string ToString() => !IsDefined ? "undefined"
        : _inData || IsTyped ? Json.GetRawText()
        : Kind switch
        {
            JsonValueKind.String => "\"" + JsonEncodedText.Encode(HeldText!) + "\"",
            JsonValueKind.Number => _integer.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        };
}

/// <summary>The items of a list value: of JSON data read in place, or of a typed list by index (no enumerator allocated).</summary>
internal struct ItemEnumerator
{
    private JsonElement.ArrayEnumerator _json;
    private readonly IList? _list;
    private readonly DataShape? _item;
    private int _index;

    public ItemEnumerator(JsonElement.ArrayEnumerator json) => _json = json;

    public ItemEnumerator(object list, DataShape item)
    {
        // Lists declared IReadOnlyList<T> are List<T>, arrays or collection expressions: all IList. Anything else is copied.
        _list = list as IList ?? ((IEnumerable)list).Cast<object?>().ToList();
        _item = item;
        _index = -1;
    }

    public TemplateValue Current { get; private set; }

    internal IList List => _list!;

    public readonly ItemEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_list is null)
        {
            if (!_json.MoveNext()) return false;
            Current = TemplateValue.Of(_json.Current);
            return true;
        }
        if (++_index >= _list.Count) return false;
        Current = TemplateValue.Of(_list[_index], _item!);
        return true;
    }
}

/// <summary>Where an expression is evaluated: the whole data, the current <c>$data</c> and the repetition index.</summary>
internal readonly record struct TemplateScope(TemplateValue Root, TemplateValue Data, int? Index);
