namespace RecruiterBot.Core.Knowledge;

/// <summary>A glossary term: what it means and why it matters in hiring language.</summary>
/// <param name="Relation">Whether the term names the same thing as its skill or something narrower.</param>
public sealed record GlossaryEntry(
    string Id,
    string Term,
    string Meaning,
    string WhyItMatters,
    string Skill,
    GlossaryRelation Relation,
    IReadOnlyList<string> Aliases);

public enum GlossaryRelation
{
    /// <summary>The term and its skill are the same thing (Celery): answer with the skill, carry the meaning.</summary>
    Same,
    /// <summary>The term is a part of its skill (Flask in "Flask and FastAPI"): answer with the term, link the skill.</summary>
    Narrower,
}
