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
        _reply = Answer(Kind);
    }

    /// <summary>The reply of an answer kind, asked through the turn handler.</summary>
    internal static BotReply Answer(string kind)
    {
        var turns = TurnHandler.Create(Core.Knowledge.KnowledgeLoader.LoadFolder(CoreBenchmarks.KnowledgeFolder));
        var reply = turns.Reply(IncomingMessage.FromText(Questions[kind]), ConversationState.New(1)).Reply;
        return reply.Intent == kind ? reply : throw new InvalidOperationException($"'{Questions[kind]}' answered {reply.Intent}, not {kind}");
    }

    // Bound to UTF-8 JSON, the form the renderer binds, measures and hands to the envelope; reading it into a
    // JsonObject (what Teams' card variants change) is the reader's cost, not the binding's.
    [Benchmark(Description = "bind Adaptive Card")]
    public object AdaptiveCard() => _renderer.AdaptiveCardJson(_reply);

    [Benchmark(Description = "bind Block Kit")]
    public object SlackMessage() => _renderer.SlackMessageJson(_reply);
}
