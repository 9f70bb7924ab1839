using BenchmarkDotNet.Attributes;
using RecruiterBot.Cards;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Benchmarks;

/// <summary>Binding a reply to its Adaptive Card and Block Kit templates (to UTF-8 JSON), for each answer kind.</summary>
[MemoryDiagnoser]
[MedianColumn] // the targets are medians (bench/RecruiterBot.HttpBench reads this column from the CSV report)
public class CardBenchmarks
{
    private static readonly Dictionary<string, string> Questions = new()
    {
        ["skill"] = "what is Celery?",
        ["glossary"] = "what is Flask?",
        ["interview"] = "interview question",
        ["resume"] = SampleResume.Text,
        ["overview"] = "overview",
        ["help"] = "help",
        ["greeting"] = "hi",
        ["unknown"] = "what is celery juice",
    };

    private ReplyRenderer _renderer = null!;
    private BotReply _reply = null!;

    [Params("skill", "glossary", "interview", "resume", "overview", "help", "greeting", "unknown")]
    public string Kind { get; set; } = "skill";

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new ReplyRenderer();
        var turns = TurnHandler.Create(Core.Knowledge.KnowledgeLoader.LoadFolder(CoreBenchmarks.KnowledgeFolder));
        _reply = turns.Reply(IncomingMessage.FromText(Questions[Kind]), ConversationState.New(1)).Reply;
        if (_reply.Intent != Kind) throw new InvalidOperationException($"'{Questions[Kind]}' answered {_reply.Intent}, not {Kind}");
    }

    // Bound to UTF-8 JSON, the form the renderer binds, measures and hands to the envelope; reading it into a
    // JsonObject (what Teams' card variants change) is the reader's cost, not the binding's.
    [Benchmark(Description = "bind Adaptive Card")]
    public object AdaptiveCard() => _renderer.AdaptiveCardJson(_reply);

    [Benchmark(Description = "bind Block Kit")]
    public object SlackMessage() => _renderer.SlackMessageJson(_reply);
}
