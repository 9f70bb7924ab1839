using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Cards.Envelope;

/// <summary>A JSON value already written as UTF-8 (a bound card, a Block Kit message): the envelope copies it as it
/// is, rather than reading it into nodes and writing them out again.</summary>
[JsonConverter(typeof(WrittenJsonConverter))]
public sealed class WrittenJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8.Span);
}

/// <summary>Writes <see cref="WrittenJson"/> as its bytes (they were written by a <see cref="Utf8JsonWriter"/>, so they are
/// valid JSON); reads any JSON value into one.</summary>
public sealed class WrittenJsonConverter : JsonConverter<WrittenJson>
{
    public override WrittenJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var value = JsonDocument.ParseValue(ref reader);
        return new WrittenJson(JsonMarshal.GetRawUtf8Value(value.RootElement).ToArray());
    }

    public override void Write(Utf8JsonWriter writer, WrittenJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
