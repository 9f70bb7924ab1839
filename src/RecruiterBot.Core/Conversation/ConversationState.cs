namespace RecruiterBot.Core.Conversation;

/// <summary>
/// What a conversation remembers between turns: the interview checks already shown (so "Another question" does not
/// repeat until its pool is used up) and the last topic (so "another one" and "tell me more" follow on).
/// Never any message text.
/// </summary>
public sealed record ConversationState
{
    /// <summary>Interview check ids shown in this conversation, oldest first.</summary>
    public IReadOnlyList<string> ShownChecks { get; init; } = [];

    public TopicRef? LastTopic { get; init; }

    /// <summary>Seeds the choice of interview questions, so a turn is a pure function of (message, state).</summary>
    public int Seed { get; init; }

    /// <summary>Bumped on every turn; storage uses it to detect concurrent updates.</summary>
    public long Version { get; init; }

    public static ConversationState New(int seed) => new() { Seed = seed };

    public static ConversationState New() => New(Random.Shared.Next());
}

/// <summary>What the last answer was about: a skill, a glossary term, or an interview check (with the pool it came from).</summary>
public sealed record TopicRef(string Kind, string Id, string? Category = null, string? Skill = null);
