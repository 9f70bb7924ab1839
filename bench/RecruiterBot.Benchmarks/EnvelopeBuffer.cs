using System.Buffers;
using System.Text.Json;
using RecruiterBot.Cards;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Benchmarks;

/// <summary>What <c>POST /api/chat</c> and <c>ask --json</c> do with a reply: render it, bind both the Adaptive Card
/// and the Block Kit message into the envelope, and write the envelope as JSON. Written to a buffer reused between
/// calls, as the endpoint writes to the response stream.</summary>
public sealed class EnvelopeBuffer
{
    private readonly ArrayBufferWriter<byte> _body = new(64 * 1024);
    private readonly ReplyRenderer _renderer = new();
    private readonly Utf8JsonWriter _writer;

    public EnvelopeBuffer() => _writer = new Utf8JsonWriter(_body);

    /// <summary>Writes the reply's envelope over the last one; the bytes written.</summary>
    public int Write(BotReply reply)
    {
        _body.ResetWrittenCount();
        _writer.Reset(_body);
        JsonSerializer.Serialize(_writer, ReplyEnvelopeBuilder.Build(_renderer.Render(reply), "c1"), EnvelopeJson.ReplyEnvelopeInfo);
        return _body.WrittenCount;
    }
}
