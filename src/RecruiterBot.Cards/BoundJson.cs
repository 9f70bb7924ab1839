using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards;

/// <summary>Bound cards handed out as <see cref="JsonObject"/>.</summary>
internal static class BoundJson
{
    /// <summary>The object written in <paramref name="json"/>, or null when it is another value. The object keeps the
    /// parsed JSON and builds its nodes only when touched; written out untouched, it copies the JSON. Parsed with
    /// JsonElement.Parse, which reads the text once (JsonNode.Parse reads it twice to find where the value ends).</summary>
    public static JsonObject? ToObject(ReadOnlySpan<byte> json)
    {
        var element = JsonElement.Parse(json);
        return element.ValueKind == JsonValueKind.Object ? JsonObject.Create(element) : null;
    }

    /// <summary>A node as UTF-8 JSON.</summary>
    public static byte[] ToUtf8(JsonNode node)
    {
        var writer = ScratchWriter.Start();
        node.WriteTo(writer);
        return ScratchWriter.Written(writer).ToArray();
    }

    /// <summary>Copies a value as it is written, byte for byte: both sides are written with the default encoder (the
    /// card data, the bound cards), so this is what writing it token by token would give, without unescaping and
    /// escaping every string again. The Teams budget counts these bytes.</summary>
    public static void Copy(JsonElement value, Utf8JsonWriter writer) =>
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);

    /// <summary>Copies a property, its name and value as written (see <see cref="Copy(JsonElement, Utf8JsonWriter)"/>).</summary>
    public static void Copy(JsonProperty property, Utf8JsonWriter writer)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        if (name.Contains((byte)'\\')) writer.WritePropertyName(property.Name);
        else writer.WritePropertyName(name);
        Copy(property.Value, writer);
    }
}
