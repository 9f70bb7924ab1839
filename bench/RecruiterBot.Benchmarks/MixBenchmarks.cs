using BenchmarkDotNet.Attributes;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.LoadGenerator;

namespace RecruiterBot.Benchmarks;

/// <summary>The web chat's own work per message on the HTTP bench's mix (70% definitions, 20% interview, 10% resume
/// snippets; the load generator's texts): the turn, then the envelope (see <see cref="EnvelopeBuffer"/>). No
/// HTTP and no store, so beside the HTTP figures it shows what the rest of a request costs.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MixBenchmarks
{
    private const int MessagesPerInvoke = 100;
    private EnvelopeBuffer _envelope = null!;
    private TurnHandler _turns = null!;
    private ConversationState _state = null!;
    private IncomingMessage[] _messages = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _envelope = new EnvelopeBuffer();
        _turns = TurnHandler.Create(KnowledgeLoader.LoadFolder(CoreBenchmarks.KnowledgeFolder));
        _state = ConversationState.New(1);
        // Ten blocks of ten: every definition, interview text and resume snippet of the mix comes up.
        _messages = Enumerable.Range(0, 1000).Select(i => IncomingMessage.FromText(Questions.Pick(i))).ToArray();
    }

    [Benchmark(Description = "web chat mix: turn and envelope, per message", OperationsPerInvoke = MessagesPerInvoke)]
    public int Mix()
    {
        var written = 0;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            // One conversation, as one user asking in turn: interview questions follow on from the state.
            var (reply, after) = _turns.Reply(_messages[_next++ % _messages.Length], _state);
            _state = after;
            written += _envelope.Write(reply);
        }
        return written;
    }
}
