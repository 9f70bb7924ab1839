using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Matching;

/// <summary>What a phrase names: a skill, a glossary term, or a technology outside the guide.</summary>
public sealed record TermTarget(TermKind Kind, string Id, bool Ambiguous);

public enum TermKind { Skill, Glossary, Outside }

/// <summary>
/// Every title, term and alias of the knowledge base under its matching key, with the compact (no-space) and plural
/// forms recruiters type ("fast api", "ORMs"), and a typo-tolerant lookup for the unambiguous ones.
/// </summary>
public sealed class TermIndex
{
    private readonly Dictionary<string, TermTarget> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermTarget> _compact = new(StringComparer.Ordinal);
    private readonly List<(string Compact, TermTarget Target, ulong Letters)> _fuzzyKeys = [];
    private readonly List<(string Compact, TermTarget Target, ulong Letters)> _allKeys = [];
    private readonly HashSet<string> _phraseStarts = new(StringComparer.Ordinal);

    public int MaxWords { get; }

    /// <summary>Whether some phrase of three or more words starts with this word (so longer phrases are worth trying).</summary>
    public bool StartsPhrase(string word) => _phraseStarts.Contains(word);

    public TermIndex(KnowledgeBase knowledge)
    {
        // Narrower glossary terms first: in chat "flask" is the Flask term, not the "Flask and FastAPI" skill.
        foreach (var g in knowledge.Glossary.Where(g => g.Relation == GlossaryRelation.Narrower))
            foreach (var a in g.Aliases.Prepend(g.Term)) Add(a, new TermTarget(TermKind.Glossary, g.Id, false));
        foreach (var s in knowledge.Skills)
            foreach (var a in s.Aliases.Prepend(s.Title)) Add(a, new TermTarget(TermKind.Skill, s.Id, s.Ambiguous.Contains(ChatText.Key(a))));
        foreach (var g in knowledge.Glossary.Where(g => g.Relation == GlossaryRelation.Same))
            foreach (var a in g.Aliases.Prepend(g.Term)) Add(a, new TermTarget(TermKind.Skill, g.Skill, false));
        foreach (var o in knowledge.OutsideGuide)
            foreach (var a in o.Aliases.Prepend(o.Name)) Add(a, new TermTarget(TermKind.Outside, o.Id, false));

        // Glossary terms are names of things, typed on their own ("selery"), even where a resume needs context.
        var termNames = knowledge.Glossary.Select(g => ChatText.Key(g.Term)).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, target) in _exact)
        {
            _allKeys.Add((key.Replace(" ", ""), target, EditDistance.Letters(key.Replace(" ", ""))));
            if (key.Contains(' ')) _phraseStarts.Add(key[..key.IndexOf(' ')]);
            // Short or everyday words are never matched by typo: "rest" must not catch "rust", nor "caching" "coaching".
            if (key.Replace(" ", "").Length >= 5 && (!target.Ambiguous || termNames.Contains(key)) && target.Kind != TermKind.Outside)
                _fuzzyKeys.Add((key.Replace(" ", ""), target, EditDistance.Letters(key.Replace(" ", ""))));
        }
        MaxWords = _exact.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    private void Add(string alias, TermTarget target)
    {
        var key = ChatText.Key(alias);
        if (key.Length == 0) return;
        var compact = key.Replace(" ", "");
        // "fast api" on the skill is the same words as the FastAPI term: chat answers with the term.
        if (target.Kind == TermKind.Skill && _compact.TryGetValue(compact, out var term) && term.Kind == TermKind.Glossary) target = term;
        _exact.TryAdd(key, target);
        _compact.TryAdd(compact, target);
    }

    /// <summary>The target of a phrase typed exactly, compactly ("fast api") or in the plural ("ORMs").</summary>
    public TermTarget? Find(string key)
    {
        if (_exact.TryGetValue(key, out var t)) return t;
        var compact = key.Replace(" ", "");
        if (_compact.TryGetValue(compact, out t)) return t;
        if (compact.Length > 3 && compact.EndsWith('s'))
        {
            if (_compact.TryGetValue(compact[..^1], out t)) return t;
            if (compact.EndsWith("es") && _compact.TryGetValue(compact[..^2], out t)) return t;
        }
        return null;
    }

    /// <summary>The single target within typo distance of a word ("kubernets", "djano"), or null when none or several.</summary>
    public TermTarget? FindByTypo(string key)
    {
        var compact = key.Replace(" ", "");
        if (compact.Length < 5 || compact.Length > 40) return null;
        var allowed = compact.Length >= 7 ? 2 : 1;
        var letters = EditDistance.Letters(compact);
        TermTarget? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var (k, target, keyLetters) in _fuzzyKeys)
        {
            if (EditDistance.LowerBound(letters, keyLetters) > allowed) continue;
            var d = EditDistance.Between(compact, k, allowed);
            if (d > allowed) continue;
            if (d < bestDistance) { best = target; bestDistance = d; tie = false; }
            else if (d == bestDistance && best != target) tie = true;
        }
        return tie ? null : best;
    }

    /// <summary>Targets that look like a word the bot does not know, closest first (for "did you mean").</summary>
    public IEnumerable<TermTarget> Near(string key)
    {
        var compact = key.Replace(" ", "");
        if (compact.Length < 3 || compact.Length > 40) return [];
        var allowed = Math.Max(2, compact.Length * 2 / 5);
        var letters = EditDistance.Letters(compact);
        return _allKeys
            .Where(k => k.Target.Kind != TermKind.Outside)
            .Select(k => (k.Target, Distance: Score(compact, letters, k.Compact, k.Letters, allowed)))
            .Where(x => x.Distance <= allowed)
            .OrderBy(x => x.Distance)
            .Select(x => x.Target)
            .Distinct();
    }

    // A shared beginning of four letters counts as close ("kubectl" → kubernetes).
    private static int Score(string word, ulong wordLetters, string key, ulong keyLetters, int allowed)
    {
        var d = EditDistance.LowerBound(wordLetters, keyLetters) > allowed ? allowed + 1 : EditDistance.Between(word, key, allowed);
        if (d <= allowed) return d;
        return word.Length >= 4 && key.Length >= 4 && word.AsSpan(0, 4).SequenceEqual(key.AsSpan(0, 4)) ? allowed : int.MaxValue;
    }
}
