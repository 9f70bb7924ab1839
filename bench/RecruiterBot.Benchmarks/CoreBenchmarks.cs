using BenchmarkDotNet.Attributes;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Matching;

namespace RecruiterBot.Benchmarks;

/// <summary>The core's own work per message: understanding a question, and loading the knowledge base at start-up.</summary>
[MemoryDiagnoser]
[MedianColumn] // the targets are medians (bench/RecruiterBot.HttpBench reads this column from the CSV report)
public class CoreBenchmarks
{
    private KnowledgeBase _knowledge = null!;
    private IntentMatcher _matcher = null!;
    private TurnHandler _turns = null!;
    private ConversationState _state = null!;

    public static string KnowledgeFolder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = KnowledgeLoader.LoadFolder(KnowledgeFolder);
        _matcher = new IntentMatcher(_knowledge);
        _turns = TurnHandler.Create(_knowledge);
        _state = ConversationState.New(1);
    }

    [Benchmark(Description = "match: typical question")]
    public Understanding MatchTypicalQuestion() => _matcher.Understand("what is Celery?");

    [Benchmark(Description = "match: question with a typo and a mention")]
    public Understanding MatchTypo() => _matcher.Understand("<at>RecruiterBot</at> hey, what's kubernets exactly?");

    [Benchmark(Description = "match: out-of-guide question")]
    public Understanding MatchOutOfGuide() => _matcher.Understand("what is celery juice and is it healthy");

    [Benchmark(Description = "turn: interview question")]
    public TurnResult TurnInterview() => _turns.Reply(IncomingMessage.FromText("another question"), _state);

    [Benchmark(Description = "load knowledge base")]
    public KnowledgeBase LoadKnowledge() => KnowledgeLoader.LoadFolder(KnowledgeFolder);
}
