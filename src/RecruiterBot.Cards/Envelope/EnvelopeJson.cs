using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RecruiterBot.Cards.Envelope;

/// <summary>How envelopes are written: camelCase as declared, no indentation, nulls omitted except where the contract keeps them.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReplyEnvelope))]
[JsonSerializable(typeof(ErrorEnvelope))]
public sealed partial class EnvelopeJson : JsonSerializerContext
{
    /// <summary>Options for writing envelopes; relaxed escaping keeps non-ASCII text readable (the output is JSON, not HTML).</summary>
    public static JsonSerializerOptions WriteOptions => s_writeOptions ??= new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Default,
    };

    // Lazy: the generated Default instance is not ready during this class's static initialisation.
    private static JsonSerializerOptions? s_writeOptions;

    /// <summary>The envelope's contract for writing straight to a stream (an HTTP response), with <see cref="WriteOptions"/>.</summary>
    public static JsonTypeInfo<ReplyEnvelope> ReplyEnvelopeInfo => (JsonTypeInfo<ReplyEnvelope>)WriteOptions.GetTypeInfo(typeof(ReplyEnvelope));

    public static string Write(ReplyEnvelope envelope) => JsonSerializer.Serialize(envelope, ReplyEnvelopeInfo);

    public static string Write(ErrorEnvelope error) => JsonSerializer.Serialize(error, WriteOptions.GetTypeInfo(typeof(ErrorEnvelope)));
}
