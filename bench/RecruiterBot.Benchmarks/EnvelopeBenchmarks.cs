using BenchmarkDotNet.Attributes;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Benchmarks;

/// <summary>The envelope of one reply of each kind (see <see cref="EnvelopeBuffer"/>).</summary>
[MemoryDiagnoser]
[MedianColumn] // the targets are medians (bench/RecruiterBot.HttpBench reads this column from the CSV report)
public class EnvelopeBenchmarks
{
    private EnvelopeBuffer _envelope = null!;
    private BotReply _reply = null!;

    [Params("skill", "resume", "greeting")]
    public string Kind { get; set; } = "skill";

    [GlobalSetup]
    public void Setup()
    {
        _envelope = new EnvelopeBuffer();
        _reply = CardBenchmarks.Answer(Kind);
    }

    [Benchmark(Description = "reply envelope, both formats")]
    public int Envelope() => _envelope.Write(_reply);
}
