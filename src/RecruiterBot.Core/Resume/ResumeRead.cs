using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Resume;

/// <summary>
/// A quick read of a resume snippet. Holds no snippet text: only the matched evidence words.
/// </summary>
public sealed record ResumeRead(
    IReadOnlyList<ResumeSkill> Skills,
    IReadOnlyList<LayerCoverage> Layers,
    IReadOnlyList<SignalReading> Signals,
    ResumeProfile Profile,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<InterviewCheck> Questions,
    IReadOnlyList<NotCountedMention> NotCounted,
    IReadOnlyList<string> AlsoMentioned);

/// <summary>A skill the snippet shows, with the exact words that matched.</summary>
public sealed record ResumeSkill(string Id, string Title, string Layer, IReadOnlyList<string> Evidence);

/// <summary>A layer of the stack, covered or not, with the skills that cover it.</summary>
public sealed record LayerCoverage(string Id, string Title, bool Covered, IReadOnlyList<string> Skills);

/// <summary>One of the reading guide's signals, met or not, with the guide's words for why it matters.</summary>
public sealed record SignalReading(string Id, string Title, bool Met, string Why);

/// <summary>The verdict: <c>full-stack-python</c>, <c>python-backend</c>, <c>python-frontend-leaning</c>, <c>python-other</c>,
/// <c>not-python-web</c> or <c>not-a-resume</c>.</summary>
public sealed record ResumeProfile(string Id, string Title, string Why);

/// <summary>A skill mentioned but not counted: negated ("no ORM") or aspirational ("learning Kubernetes").</summary>
public sealed record NotCountedMention(string SkillId, string Evidence, string Reason);
