using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Adaptive;

/// <summary>
/// The size budget of a card sent to Teams: the serialized activity must stay under 28 KB. Teams accepts about
/// 100 KB from a bot, but 28 KB is what search results and incoming webhooks allow, so a card under it fits everywhere.
/// </summary>
public static class TeamsBudget
{
    public const int MaxActivityBytes = 28 * 1024;

    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    // The activity around a card with no fallback text: {"type":"message","text":"","attachments":[{...,"content":{}}]},
    // less the card ({}) and the text ("").
    private static readonly int WrapperBytes = Encoding.UTF8.GetByteCount(Activity(new JsonObject()).ToJsonString()) - 2 - 2;

    /// <summary>The message activity a card is measured in (and that the Teams channel sends): the card's fallback
    /// text as <c>text</c>, the card as the one attachment.</summary>
    public static JsonObject Activity(JsonObject card) => new()
    {
        ["type"] = "message",
        ["text"] = card["fallbackText"]?.DeepClone() ?? "",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["content"] = card.DeepClone() }),
    };

    /// <summary>The length of <see cref="Activity"/> serialized, counted while writing it, without a copy of the card.</summary>
    public static int ActivityBytes(JsonObject card)
    {
        using var writer = new Utf8JsonWriter(new Discard());
        writer.WriteStartObject();
        writer.WriteString("type"u8, "message");
        writer.WritePropertyName("text"u8);
        if (card["fallbackText"] is { } text) text.WriteTo(writer);
        else writer.WriteStringValue(""u8);
        writer.WriteStartArray("attachments"u8);
        writer.WriteStartObject();
        writer.WriteString("contentType"u8, ContentType);
        writer.WritePropertyName("content"u8);
        card.WriteTo(writer);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return checked((int)writer.BytesCommitted);
    }

    /// <summary>The same count for a card already written as JSON with the default encoder, as a JsonObject serializes.</summary>
    internal static int ActivityBytes(ReadOnlySpan<byte> card) => WrapperBytes + card.Length + FallbackTextBytes(card);

    public static bool Fits(JsonObject card) => ActivityBytes(card) <= MaxActivityBytes;

    /// <summary>The card's <c>fallbackText</c>, the text of the message <see cref="Activity"/> carries with the card;
    /// null when the card has none (or it is not a string).</summary>
    public static string? FallbackText(ReadOnlySpan<byte> card)
    {
        var reader = new Utf8JsonReader(card);
        return FindFallbackText(ref reader) && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    // The fallback text as written in the card; "" when there is none.
    private static int FallbackTextBytes(ReadOnlySpan<byte> card)
    {
        var reader = new Utf8JsonReader(card);
        if (!FindFallbackText(ref reader) || reader.TokenType == JsonTokenType.Null) return 2;
        var start = reader.TokenStartIndex;
        reader.Skip();
        return checked((int)(reader.BytesConsumed - start));
    }

    // Leaves the reader on the value of the card's top-level fallbackText. Our templates put it before the body, so
    // the reader stops after a few tokens.
    private static bool FindFallbackText(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFallback = reader.ValueTextEquals("fallbackText"u8);
            reader.Read();
            if (isFallback) return true;
            reader.Skip();
        }
        return false;
    }

    // Counting needs no bytes kept: the writer counts what it commits.
    private sealed class Discard : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public void Advance(int count) { }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (sizeHint > _scratch.Length) _scratch = new byte[sizeHint];
            return _scratch;
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
