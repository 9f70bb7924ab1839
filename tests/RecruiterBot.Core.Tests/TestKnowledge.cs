using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Tests;

/// <summary>The shipped knowledge base (copied next to the tests by the build), loaded once.</summary>
public static class TestKnowledge
{
    private static readonly Lazy<KnowledgeBase> Loaded = new(() => KnowledgeLoader.LoadFolder(Folder));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static KnowledgeBase Base => Loaded.Value;

    public static TurnHandler Turns() => TurnHandler.Create(Base);
}
