using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Core.Matching;

/// <summary>What the matcher understood a message to ask for. The turn handler turns it into a <see cref="BotReply"/>.</summary>
public abstract record Understanding
{
    private protected Understanding() { }
}

/// <summary>A skill or glossary term (the first of <see cref="Terms"/> is the answer, the rest are also named).</summary>
public sealed record TermsAsked(IReadOnlyList<FoundTerm> Terms) : Understanding;

/// <summary>An interview question: from a category, about a skill, or any; <see cref="FollowOn"/> for "another one".</summary>
public sealed record InterviewAsked(string? Category, string? Skill, bool FollowOn) : Understanding;

/// <summary>The strong answer to the last interview question.</summary>
public sealed record AnswerAsked : Understanding;

/// <summary>"Tell me more" about the last topic.</summary>
public sealed record MoreAsked : Understanding;

public sealed record ResumePasted(string Text) : Understanding;

public sealed record OverviewAsked : Understanding;

public sealed record HelpAsked(HelpTopic Topic) : Understanding;

public sealed record GreetingSaid : Understanding;

/// <summary>Nothing fits: the words that were not understood, a technology outside the guide, and close entries.</summary>
public sealed record NotUnderstood(string? Asked, string? OutsideGuideId, IReadOnlyList<FoundTerm> Near) : Understanding;

/// <summary>A term found in a message: what it names, the words that named it (null once resolved), and whether
/// it was found through a typo ("kubernets").</summary>
public sealed record FoundTerm(TermKind Kind, string Id, string? Word = null, bool ByTypo = false);
