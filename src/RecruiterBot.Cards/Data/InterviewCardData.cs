namespace RecruiterBot.Cards.Data;

/// <summary>Data of the interview card (cards/*/interview.json). <c>About</c> is the skill title when the question was
/// drawn for a skill; <c>ShowAnswer</c> when the strong answer was asked for (then it is shown, not behind a toggle).</summary>
public sealed record InterviewCardData(string Summary, string Category, string Question, string StrongAnswer, string? About,
    bool ShowAnswer, bool PoolRestarted, CardButton Answer, IReadOnlyList<CardButton> Buttons);
