using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Templating;

/// <summary>
/// A template compiled once: every string split into text and parsed <c>${...}</c> expressions, <c>$data</c> and
/// <c>$when</c> parsed, property names encoded, and every part without any binding written to JSON ahead of time.
/// Binding then reads the data in place and writes the card straight to a <see cref="Utf8JsonWriter"/>, with the
/// semantics documented on <see cref="TemplateEngine"/>.
/// </summary>
internal sealed class CompiledTemplate
{
    private readonly TemplateNode _root;

    private CompiledTemplate(TemplateNode root) => _root = root;

    /// <summary>Compiles a template. An expression outside the supported subset throws only when binding reaches it,
    /// as a template expanded node by node would.</summary>
    public static CompiledTemplate Compile(JsonNode template) => new(TemplateNode.Compile(template, inList: false)!);

    /// <summary>Writes the template bound to <paramref name="data"/>: one JSON value, <c>null</c> when nothing is left.</summary>
    public void Bind(TemplateValue data, Utf8JsonWriter writer) => _root.WriteValue(writer, new TemplateScope(data, data, null));
}

internal abstract class TemplateNode
{
    /// <summary>Writes the node where one value goes: a property or the whole card.</summary>
    public abstract void WriteValue(Utf8JsonWriter writer, in TemplateScope scope);

    /// <summary>Writes the node as items of a list: none, one or, for a repeated object, several.</summary>
    public virtual void WriteItems(Utf8JsonWriter writer, in TemplateScope scope) => WriteValue(writer, scope);

    /// <summary>The compiled node; null for a null in a list, which expands to nothing.</summary>
    public static TemplateNode? Compile(JsonNode? node, bool inList)
    {
        if (node is null && inList) return null;
        if (IsLiteral(node)) return new LiteralNode(node);
        return node switch
        {
            JsonObject o => new ObjectNode(o),
            JsonArray a => new ArrayNode([.. a.Select(item => Compile(item, inList: true)).OfType<TemplateNode>()]),
            _ => new TextNode(node!.GetValue<string>()),
        };
    }

    // Nothing to bind: no ${...}, $data, $when, nor a null in a list (dropped when expanded).
    private static bool IsLiteral(JsonNode? node) => node switch
    {
        JsonObject o => o.All(p => p.Key is not ("$data" or "$when") && IsLiteral(p.Value)),
        JsonArray a => a.All(item => item is not null && IsLiteral(item)),
        JsonValue v when v.TryGetValue<string>(out var s) => !s.Contains("${", StringComparison.Ordinal),
        _ => true,
    };
}

internal sealed class LiteralNode(JsonNode? node) : TemplateNode
{
    private readonly byte[] _json = Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null");

    public override void WriteValue(Utf8JsonWriter writer, in TemplateScope scope) => writer.WriteRawValue(_json, skipInputValidation: true);
}

internal sealed class ArrayNode(TemplateNode[] items) : TemplateNode
{
    public override void WriteValue(Utf8JsonWriter writer, in TemplateScope scope)
    {
        writer.WriteStartArray();
        foreach (var item in items) item.WriteItems(writer, scope);
        writer.WriteEndArray();
    }
}

/// <summary>A string: literal text and <c>${...}</c> bindings. Bound whole, a single binding keeps its JSON type.</summary>
internal sealed class TextNode : TemplateNode
{
    // The text being bound, kept per thread: a text made of parts is written from here without becoming a string.
    // One grown past this by a huge text is let go at the next binding rather than kept for the life of the thread.
    internal const int MaxKeptChars = 64 * 1024;
    [ThreadStatic] private static char[]? t_text;

    /// <summary>The length of this thread's kept buffer.</summary>
    internal static int KeptChars => t_text?.Length ?? 0;

    private readonly string _source;
    private readonly TemplateText.Part[] _parts = [];
    private readonly bool _isSingleExpression;
    private readonly string? _error;

    public TextNode(string source)
    {
        _source = source;
        try
        {
            var text = TemplateText.Parse(source);
            _parts = [.. text.Parts];
            _isSingleExpression = text.IsSingleExpression;
        }
        catch (TemplateException e) { _error = e.Message; }
    }

    public override void WriteValue(Utf8JsonWriter writer, in TemplateScope scope)
    {
        if (_isSingleExpression) BindSingle(scope).WriteTo(writer);
        else writer.WriteStringValue(BindText(scope));
    }

    // A whole-string binding to null is dropped from a list, like every null.
    public override void WriteItems(Utf8JsonWriter writer, in TemplateScope scope)
    {
        if (!_isSingleExpression)
        {
            writer.WriteStringValue(BindText(scope));
            return;
        }
        var value = BindSingle(scope);
        if (value.Kind != JsonValueKind.Null) value.WriteTo(writer);
    }

    private TemplateValue BindSingle(in TemplateScope scope)
    {
        if (_error is not null) throw new TemplateException(_error);
        var value = TemplateEngine.TryEvaluate(_parts[0].Expression!, scope);
        return value.IsDefined ? value : TemplateValue.Of(_source);
    }

    // The text with its bindings put in; valid until the next text is bound on this thread.
    private ReadOnlySpan<char> BindText(in TemplateScope scope)
    {
        if (_error is not null) throw new TemplateException(_error);
        var text = t_text is { Length: <= MaxKeptChars } kept ? kept : t_text = new char[1024];
        var length = 0;
        foreach (var part in _parts)
        {
            if (part.Expression is null)
            {
                Append(ref text, ref length, part.Source);
                continue;
            }
            var value = TemplateEngine.TryEvaluate(part.Expression, scope);
            if (!value.IsDefined) Append(ref text, ref length, part.Source);
            else if (value.Kind == JsonValueKind.Null) throw new TemplateException($"{part.Source} is null inside the text \"{_source}\"; guard it with $when");
            else
            {
                Reserve(ref text, length, value.MaxTextLength);
                length += value.CopyText(text.AsSpan(length));
            }
        }
        return text.AsSpan(0, length);
    }

    private static void Append(ref char[] text, ref int length, string part)
    {
        Reserve(ref text, length, part.Length);
        part.CopyTo(text.AsSpan(length));
        length += part.Length;
    }

    private static void Reserve(ref char[] text, int length, int more)
    {
        if (length + more <= text.Length) return;
        Array.Resize(ref text, Math.Max(text.Length * 2, length + more));
        t_text = text;
    }
}

/// <summary>An object with bindings: its <c>$data</c> repeats it over a list or scopes it to an object, its
/// <c>$when</c> keeps it only when the boolean <c>true</c>.</summary>
internal sealed class ObjectNode : TemplateNode
{
    private readonly (JsonEncodedText Name, TemplateNode Value)[] _properties;
    private readonly Directive? _data;
    private readonly Directive? _when;

    public ObjectNode(JsonObject o)
    {
        if (o.TryGetPropertyValue("$data", out var data)) _data = new Directive(data);
        if (o.TryGetPropertyValue("$when", out var when)) _when = new Directive(when);
        _properties = [.. o.Where(p => p.Key is not ("$data" or "$when")).Select(p => (JsonEncodedText.Encode(p.Key), Compile(p.Value, inList: false)!))];
    }

    // Outside a list: a list of instances when $data is a list, else the one instance, or null when $when drops it.
    public override void WriteValue(Utf8JsonWriter writer, in TemplateScope scope)
    {
        var data = _data?.Evaluate(scope) ?? TemplateValue.Undefined;
        if (data.Kind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            WriteInstances(writer, scope, data);
            writer.WriteEndArray();
        }
        else if (!WriteInstance(writer, data.IsDefined ? new TemplateScope(scope.Root, data, null) : scope))
            writer.WriteNullValue();
    }

    public override void WriteItems(Utf8JsonWriter writer, in TemplateScope scope) =>
        WriteInstances(writer, scope, _data?.Evaluate(scope) ?? TemplateValue.Undefined);

    private void WriteInstances(Utf8JsonWriter writer, in TemplateScope scope, TemplateValue data)
    {
        if (data.Kind != JsonValueKind.Array)
        {
            WriteInstance(writer, data.IsDefined ? new TemplateScope(scope.Root, data, null) : scope);
            return;
        }
        var index = 0;
        foreach (var item in data.Items) WriteInstance(writer, new TemplateScope(scope.Root, item, index++));
    }

    private bool WriteInstance(Utf8JsonWriter writer, in TemplateScope scope)
    {
        if (_when is not null && !_when.Evaluate(scope).IsTrue) return false;
        writer.WriteStartObject();
        foreach (var (name, value) in _properties)
        {
            writer.WritePropertyName(name);
            value.WriteValue(writer, scope);
        }
        writer.WriteEndObject();
        return true;
    }

    /// <summary>A <c>$data</c> or <c>$when</c>: one <c>"${...}"</c> evaluated, where an error counts as undefined;
    /// any other string is undefined; a value that is not a string is taken as it is.</summary>
    private sealed class Directive
    {
        private readonly TemplateExpression? _expression;
        private readonly TemplateValue _value;
        private readonly string? _error;

        public Directive(JsonNode? node)
        {
            if (node is JsonValue v && v.TryGetValue<string>(out var s))
            {
                try
                {
                    var text = TemplateText.Parse(s);
                    if (text.IsSingleExpression) _expression = text.Parts[0].Expression;
                }
                catch (TemplateException e) { _error = e.Message; }
            }
            else _value = node is null ? TemplateValue.Null : TemplateValue.Of(JsonDocument.Parse(node.ToJsonString()).RootElement);
        }

        public TemplateValue Evaluate(in TemplateScope scope)
        {
            if (_error is not null) throw new TemplateException(_error);
            return _expression is null ? _value : TemplateEngine.TryEvaluate(_expression, scope);
        }
    }
}
