namespace RecruiterBot.Cards.Data;

/// <summary>Data of the glossary card (cards/*/glossary.json): a term narrower than its skill.</summary>
public sealed record GlossaryCardData(string Summary, string Term, string Meaning, string WhyItMatters, string SkillTitle,
    string SkillExplanation, IReadOnlyList<CardButton> Buttons, IReadOnlyList<CardButton> AlsoAsked);
