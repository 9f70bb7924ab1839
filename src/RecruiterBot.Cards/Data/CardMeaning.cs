namespace RecruiterBot.Cards.Data;

/// <summary>The glossary meaning carried by a skill card (Celery's "in one line").</summary>
public sealed record CardMeaning(string Term, string Meaning, string WhyItMatters);
