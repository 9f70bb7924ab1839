namespace RecruiterBot.Core.Knowledge;

/// <summary>One of the 20 skills of the reference, as a recruiter reads it on a resume.</summary>
public sealed record SkillEntry(
    string Id,
    string Title,
    string Section,
    string Badge,
    string Subtitle,
    string Explanation,
    string RecruiterNote,
    string Layer,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Ambiguous,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> InterviewCategories);
