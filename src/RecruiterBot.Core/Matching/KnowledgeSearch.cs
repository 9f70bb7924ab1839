using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Matching;

/// <summary>
/// Search-as-you-type over the guide (the Teams search box): skills and glossary terms by name, prefix, alias or typo
/// (through <see cref="TermIndex"/>, as in chat), and interview checks by the words of their question. Best first;
/// skills before glossary terms before checks on equal scores, then in the order of the guide.
/// </summary>
public sealed class KnowledgeSearch
{
    /// <summary>Longest query looked at; a search box query is a few words.</summary>
    public const int QueryLimit = 100;

    private readonly KnowledgeBase _knowledge;
    private readonly TermIndex _terms;
    private readonly List<(string Key, EntryRef Entry)> _names = [];
    private readonly Dictionary<(string Kind, string Id), int> _order = [];
    private readonly List<(InterviewCheck Check, HashSet<string> Words)> _checks;

    public KnowledgeSearch(KnowledgeBase knowledge, TermIndex terms)
    {
        _knowledge = knowledge;
        _terms = terms;
        foreach (var s in knowledge.Skills)
            foreach (var name in s.Aliases.Prepend(s.Title)) AddName(name, Ref.To(s));
        foreach (var g in knowledge.Glossary)
        {
            // A term that is the same thing as its skill is found as that skill, as in chat.
            var entry = g.Relation == GlossaryRelation.Narrower ? Ref.To(g) : knowledge.FindSkill(g.Skill) is { } s ? Ref.To(s) : null;
            if (entry is null) continue;
            foreach (var name in g.Aliases.Prepend(g.Term)) AddName(name, entry);
        }
        _checks = knowledge.Interview.Select(c => (c, ChatText.Words(c.Question).ToHashSet(StringComparer.Ordinal))).ToList();
        var order = 0;
        foreach (var e in knowledge.Skills.Select(Ref.To).Concat(knowledge.Glossary.Select(Ref.To)).Concat(knowledge.Interview.Select(Ref.To)))
            _order.TryAdd((e.Kind, e.Id), order++);
    }

    private void AddName(string name, EntryRef entry)
    {
        var key = ChatText.Key(name);
        if (key.Length > 0) _names.Add((key, entry));
    }

    /// <summary>The entries matching <paramref name="query"/>, best first, at most <paramref name="limit"/>; none for an empty query.</summary>
    public IReadOnlyList<EntryRef> Find(string? query, int limit)
    {
        var text = ChatText.Clean(query);
        if (text.Length > QueryLimit) text = text[..QueryLimit];
        var key = ChatText.Key(text);
        if (key.Length == 0 || limit <= 0) return [];

        var scores = new Dictionary<EntryRef, int>();
        void Score(EntryRef? entry, int score)
        {
            if (entry is not null && (!scores.TryGetValue(entry, out var s) || s < score)) scores[entry] = score;
        }

        var compact = key.Replace(" ", "");
        foreach (var (name, entry) in _names)
        {
            var nameCompact = name.Replace(" ", "");
            if (name == key || nameCompact == compact) Score(entry, 100);
            // Teams queries as the user types ("kube", "celer"); the closer the name, the better ("djang": Django first).
            else if (nameCompact.StartsWith(compact, StringComparison.Ordinal)) Score(entry, 90 - Math.Min(9, (nameCompact.Length - compact.Length) / 2));
            else if (name.Split(' ').Any(w => w.StartsWith(key, StringComparison.Ordinal))) Score(entry, 80);
            else if (compact.Length >= 3 && nameCompact.Contains(compact, StringComparison.Ordinal)) Score(entry, 70);
        }
        // What chat answers for these words comes first ("fast api": the FastAPI term, before "Flask and FastAPI").
        Score(ToRef(_terms.Find(key)), 101);
        Score(ToRef(_terms.FindByTypo(key)), 75);
        var near = 0;
        foreach (var t in _terms.Near(key).Take(3)) Score(ToRef(t), 50 - near++);

        var words = ChatText.Words(text).Where(w => w.Length >= 3 && !StopWords.Contains(w)).Distinct().ToList();
        if (words.Count > 1)
            foreach (var w in words)
                Score(ToRef(_terms.Find(w) ?? _terms.FindByTypo(w)), 60);

        var skillsFound = scores.Where(s => s.Key.Kind == EntryRef.Skill && s.Value >= 75).Select(s => s.Key.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (check, questionWords) in _checks)
        {
            var hits = words.Count(w => questionWords.Contains(w) || (w.Length >= 4 && questionWords.Any(q => q.StartsWith(w, StringComparison.Ordinal))));
            // Every word of a longer query in one question: that question is what is searched for.
            var score = words.Count == 0 ? 0 : hits == words.Count && hits > 1 ? 85 : 40 * hits / words.Count;
            if (check.Skills.Any(skillsFound.Contains)) score = Math.Max(score, 35);
            if (score > 0) Score(Ref.To(check), score);
        }

        return scores
            .OrderByDescending(s => s.Value)
            .ThenBy(s => KindOrder(s.Key.Kind))
            .ThenBy(s => _order.GetValueOrDefault((s.Key.Kind, s.Key.Id), int.MaxValue))
            .Select(s => s.Key)
            .Take(limit)
            .ToList();
    }

    private EntryRef? ToRef(TermTarget? target) => target switch
    {
        { Kind: TermKind.Skill } t when _knowledge.FindSkill(t.Id) is { } s => Ref.To(s),
        { Kind: TermKind.Glossary } t when _knowledge.FindGlossary(t.Id) is { } g => Ref.To(g),
        _ => null,
    };

    private static int KindOrder(string kind) => kind switch
    {
        EntryRef.Skill => 0,
        EntryRef.Glossary => 1,
        _ => 2,
    };

    // Words that say nothing about which entry is meant.
    private static readonly HashSet<string> StopWords =
        ["the", "and", "for", "with", "what", "whats", "when", "how", "why", "who", "does", "you", "your", "would", "about", "from", "that", "this",
         "interview", "question", "questions", "skill", "skills", "term", "terms"];
}
