using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RecruiterBot.Cards;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Benchmarks;

/// <summary>What <c>POST /api/chat</c> and <c>ask --json</c> do with a reply: render it, bind both the Adaptive Card and
/// the Block Kit message into the envelope, and write the envelope as JSON.</summary>
[MemoryDiagnoser]
[MedianColumn] // the targets are medians (bench/RecruiterBot.HttpBench reads this column from the CSV report)
public class EnvelopeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _body = new(64 * 1024);
    private ReplyRenderer _renderer = null!;
    private BotReply _reply = null!;
    private Utf8JsonWriter _writer = null!;

    [Params("skill", "resume", "greeting")]
    public string Kind { get; set; } = "skill";

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new ReplyRenderer();
        _reply = CardBenchmarks.Answer(Kind);
        _writer = new Utf8JsonWriter(_body);
    }

    // Written to a reused buffer, as the endpoint writes to the response stream.
    [Benchmark(Description = "reply envelope, both formats")]
    public int Envelope()
    {
        _body.ResetWrittenCount();
        _writer.Reset(_body);
        JsonSerializer.Serialize(_writer, ReplyEnvelopeBuilder.Build(_renderer.Render(_reply), "c1"), EnvelopeJson.ReplyEnvelopeInfo);
        return _body.WrittenCount;
    }
}
