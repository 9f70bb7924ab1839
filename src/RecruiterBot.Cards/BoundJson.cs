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
}
