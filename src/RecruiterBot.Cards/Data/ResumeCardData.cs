namespace RecruiterBot.Cards.Data;

/// <summary>Data of the resume card (cards/*/resume.json). Evidence and <c>AlsoMentioned</c> are the user's words:
/// templates put them in TextRuns (Adaptive) and the Slack pass escapes them. <c>Trimmed</c> says what was left out to fit a size budget.</summary>
public sealed record ResumeCardData(string Summary, CardProfile Profile, string Coverage, IReadOnlyList<CardLayer> Layers,
    IReadOnlyList<CardResumeSkill> Skills, IReadOnlyList<CardSignal> Signals, IReadOnlyList<string> Gaps, IReadOnlyList<CardQuestion> Questions,
    IReadOnlyList<CardNotCounted> NotCounted, string AlsoMentioned, string? Trimmed);
