using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Core.Conversation;

/// <summary>
/// The channel-neutral answer to one turn. A closed hierarchy: renderers switch over it exhaustively.
/// <see cref="Intent"/> is the public intent name of the reply envelope.
/// </summary>
public abstract record BotReply
{
    private protected BotReply() { }

    public abstract string Intent { get; }

    /// <summary>The entries this answer is about, best first.</summary>
    public virtual IReadOnlyList<EntryRef> Entries => [];

    /// <summary>"Did you mean" entries (unknown answers only).</summary>
    public virtual IReadOnlyList<EntryRef> Suggestions => [];

    /// <summary>How sure the matcher was, 0 to 1: 1 for an exact name or a button, less for a typo, 0 when not understood.
    /// Reported in the question log so the content owner sees which aliases are missing.</summary>
    public double Confidence { get; init; } = 1;
}

/// <summary>A skill, with its glossary meaning when the glossary names the same thing.</summary>
public sealed record SkillReply(SkillEntry Skill, StackLayer Layer, GlossaryEntry? Meaning, IReadOnlyList<SkillEntry> Related,
    IReadOnlyList<EntryRef> AlsoAsked) : BotReply
{
    public override string Intent => "skill";
    public override IReadOnlyList<EntryRef> Entries => [Ref.To(Skill), .. AlsoAsked];
}

/// <summary>A glossary term narrower than its skill (Flask), linking that skill.</summary>
public sealed record GlossaryReply(GlossaryEntry Term, SkillEntry Skill, IReadOnlyList<EntryRef> AlsoAsked) : BotReply
{
    public override string Intent => "glossary";
    public override IReadOnlyList<EntryRef> Entries => [Ref.To(Term), Ref.To(Skill), .. AlsoAsked];
}

/// <summary>An interview check. <see cref="ShowAnswer"/> when the recruiter asked for the strong answer;
/// <see cref="Skill"/> when the question was drawn for a skill; <see cref="PoolRestarted"/> when every check of the pool
/// had been shown and the pool started over.</summary>
public sealed record InterviewReply(InterviewCheck Check, InterviewCategory Category, SkillEntry? Skill, bool ShowAnswer,
    bool PoolRestarted) : BotReply
{
    public override string Intent => "interview";
    public override IReadOnlyList<EntryRef> Entries => [Ref.To(Check)];
}

/// <summary>A quick read of a pasted resume snippet.</summary>
public sealed record ResumeReply(ResumeRead Read) : BotReply
{
    public override string Intent => "resume";
    public override IReadOnlyList<EntryRef> Entries => Read.Skills.Select(s => new EntryRef(EntryRef.Skill, s.Id, s.Title)).ToList();
}

/// <summary>How the four layers of a full-stack Python application fit together.</summary>
public sealed record OverviewReply(string FullStackMeaning, IReadOnlyList<StackLayer> Layers, IReadOnlyList<ReadingSignal> Signals) : BotReply
{
    public override string Intent => "overview";
}

/// <summary>What the bot can do. <see cref="Topic"/> says which help: general, how to paste a resume, or a file was shared.</summary>
public sealed record HelpReply(HelpTopic Topic, IReadOnlyList<InterviewCategory> Categories) : BotReply
{
    public override string Intent => "help";
}

public enum HelpTopic
{
    General,
    /// <summary>How to paste a resume (the "Paste a resume" button).</summary>
    PasteResume,
    /// <summary>A file was shared: the bot reads pasted text only.</summary>
    FileShared,
}

public sealed record GreetingReply : BotReply
{
    public override string Intent => "greeting";
}

/// <summary>Nothing in the guide fits. <see cref="Asked"/> is the cleaned term (short, personal data removed), or null;
/// <see cref="OutsideGuide"/> names a technology the guide knows it does not cover (Java).</summary>
public sealed record UnknownReply(string? Asked, string? OutsideGuide, IReadOnlyList<EntryRef> DidYouMean) : BotReply
{
    public override string Intent => "unknown";
    public override IReadOnlyList<EntryRef> Suggestions => DidYouMean;
}

/// <summary>Builds <see cref="EntryRef"/>s from knowledge entries.</summary>
public static class Ref
{
    public static EntryRef To(SkillEntry s) => new(EntryRef.Skill, s.Id, s.Title);
    public static EntryRef To(GlossaryEntry g) => new(EntryRef.Glossary, g.Id, g.Term);
    public static EntryRef To(InterviewCheck c) => new(EntryRef.Interview, c.Id, c.Question, c.Category);
}
