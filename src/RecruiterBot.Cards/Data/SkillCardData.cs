namespace RecruiterBot.Cards.Data;

/// <summary>Data of the skill card (cards/*/skill.json).</summary>
public sealed record SkillCardData(string Summary, string Title, string Section, string Badge, string Layer, string Subtitle,
    string Explanation, string RecruiterNote, CardMeaning? Meaning, IReadOnlyList<CardButton> Related, IReadOnlyList<CardButton> AlsoAsked,
    CardButton Interview);
