namespace RecruiterBot.Core.Resume;

/// <summary>What one read has found so far: evidence per skill, the first uncounted mention per skill, outside technologies.</summary>
internal sealed class ResumeTally(int skills, int outside)
{
    private readonly List<string>?[] _evidence = new List<string>?[skills];
    private readonly (string Evidence, CueKind Kind)?[] _notCounted = new (string, CueKind)?[skills];
    private readonly bool[] _outsideSeen = new bool[outside];
    private readonly List<int> _outsideOrder = [];

    public bool ShowsPython { get; private set; }

    public bool Counted(int skill) => skill >= 0 && _evidence[skill] is not null;

    public IReadOnlyList<string> Evidence(int skill) => _evidence[skill] ?? (IReadOnlyList<string>)[];

    public (string Evidence, CueKind Kind)? NotCountedMention(int skill) => _notCounted[skill];

    public IReadOnlyList<int> OutsideInOrder => _outsideOrder;

    /// <summary>Nothing more to learn from another mention of this alias's skill or technology.</summary>
    public bool IsFull(AliasInfo alias) =>
        (alias.Skill < 0 || _evidence[alias.Skill] is { Count: >= ResumeReader.EvidenceLimit })
        && (alias.Implies < 0 || _evidence[alias.Implies] is { Count: >= ResumeReader.EvidenceLimit })
        && (alias.Outside < 0 || _outsideSeen[alias.Outside])
        && (!alias.PythonOnly || ShowsPython)
        && alias.IsTechnical;

    /// <summary>The skill already counts with exactly these words: another mention of them adds nothing.</summary>
    public bool HasEvidence(int skill, ReadOnlySpan<char> words)
    {
        if (skill < 0 || _evidence[skill] is not { } list) return false;
        foreach (var w in list)
            if (words.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public void Count(int skill, string words, bool pythonOnly)
    {
        ShowsPython |= pythonOnly;
        var list = _evidence[skill] ??= [];
        if (words.Length == 0 || list.Count >= ResumeReader.EvidenceLimit) return;
        foreach (var w in list)
            if (string.Equals(w, words, StringComparison.OrdinalIgnoreCase)) return;
        list.Add(words);
    }

    public void NotCounted(int skill, string evidence, CueKind kind) => _notCounted[skill] ??= (evidence, kind);

    public void Outside(int index)
    {
        if (_outsideSeen[index]) return;
        _outsideSeen[index] = true;
        _outsideOrder.Add(index);
    }
}
