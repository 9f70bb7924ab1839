namespace RecruiterBot.Cards.Data;

/// <summary>How much of a resume read a card shows; <see cref="None"/> shows everything (evidence is always cut to
/// <see cref="CardData.MaxEvidenceChars"/>). Tighter levels keep a card inside a channel's size budget.</summary>
public sealed record ResumeTrim(int MaxSkills, int MaxEvidencePerSkill, int MaxNotCounted, int MaxAlsoMentioned, int MaxGaps, int MaxQuestions)
{
    public static readonly ResumeTrim None = new(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue);

    /// <summary>Tighter and tighter levels, tried in order until the card fits.</summary>
    public static readonly IReadOnlyList<ResumeTrim> Levels =
    [
        None,
        new(40, 5, 10, 20, 10, 8),
        new(20, 3, 5, 10, 6, 5),
        new(12, 1, 3, 5, 4, 3),
        new(6, 1, 0, 0, 2, 2),
    ];
}
