namespace RecruiterBot.Core.Knowledge;

/// <summary>One thing wrong in a knowledge file, located so a content owner can fix it.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown when the knowledge files cannot be loaded; lists every problem found, not just the first.</summary>
public sealed class KnowledgeLoadException(IReadOnlyList<KnowledgeProblem> problems)
    : Exception("The knowledge base is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
