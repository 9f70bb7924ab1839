namespace RecruiterBot.Core.Knowledge;

/// <summary>
/// The recruiter's reference as data: layers, reading signals, skills, glossary and interview checks.
/// Immutable once loaded; built by <see cref="KnowledgeLoader"/>.
/// </summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(
        string fullStackMeaning,
        IReadOnlyList<StackLayer> layers,
        IReadOnlyList<ReadingSignal> signals,
        IReadOnlyList<InterviewCategory> categories,
        IReadOnlyList<SkillEntry> skills,
        IReadOnlyList<GlossaryEntry> glossary,
        IReadOnlyList<InterviewCheck> interview,
        IReadOnlyList<OutsideTechnology> outsideGuide)
    {
        FullStackMeaning = fullStackMeaning;
        Layers = layers;
        Signals = signals;
        Categories = categories;
        Skills = skills;
        Glossary = glossary;
        Interview = interview;
        OutsideGuide = outsideGuide;
        _skills = skills.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _glossary = glossary.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _checks = interview.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _layers = layers.ToDictionary(l => l.Id, StringComparer.Ordinal);
        _categories = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, SkillEntry> _skills;
    private readonly Dictionary<string, GlossaryEntry> _glossary;
    private readonly Dictionary<string, InterviewCheck> _checks;
    private readonly Dictionary<string, StackLayer> _layers;
    private readonly Dictionary<string, InterviewCategory> _categories;

    public string FullStackMeaning { get; }
    public IReadOnlyList<StackLayer> Layers { get; }
    public IReadOnlyList<ReadingSignal> Signals { get; }
    public IReadOnlyList<InterviewCategory> Categories { get; }
    public IReadOnlyList<SkillEntry> Skills { get; }
    public IReadOnlyList<GlossaryEntry> Glossary { get; }
    public IReadOnlyList<InterviewCheck> Interview { get; }
    public IReadOnlyList<OutsideTechnology> OutsideGuide { get; }

    public SkillEntry? FindSkill(string? id) => id is not null && _skills.TryGetValue(id, out var s) ? s : null;
    public GlossaryEntry? FindGlossary(string? id) => id is not null && _glossary.TryGetValue(id, out var g) ? g : null;
    public InterviewCheck? FindCheck(string? id) => id is not null && _checks.TryGetValue(id, out var c) ? c : null;
    public StackLayer? FindLayer(string? id) => id is not null && _layers.TryGetValue(id, out var l) ? l : null;
    public InterviewCategory? FindCategory(string? id) => id is not null && _categories.TryGetValue(id, out var c) ? c : null;

    /// <summary>The glossary term that belongs to a skill, if any (Celery's term for the celery skill).</summary>
    public GlossaryEntry? GlossaryForSkill(string skillId) =>
        Glossary.FirstOrDefault(g => g.Skill == skillId && g.Relation == GlossaryRelation.Same);
}
