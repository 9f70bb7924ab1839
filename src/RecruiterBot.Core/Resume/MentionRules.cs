namespace RecruiterBot.Core.Resume;

/// <summary>
/// The rules that decide whether a mention found by the automaton counts. All look at a few words around the
/// mention only, so a read stays linear in the text. One instance per read.
/// <para>
/// <b>Ambiguous words.</b> An alias the knowledge base marks <c>ambiguous</c> ("React", "flask", "rest", "Celery",
/// "containers") counts only when it is technical in context: never on a hobbies/interests line, always next to
/// another recognised technology on the same line, and then one of: the line is a skills line (a "Skills:"-style
/// label, or a list whose items are mostly technologies); the mention is a whole list item (between commas, slashes,
/// bullets, brackets) within 6 words of the other technology; it is written with a capital as a product name
/// ("Flask", "REST") within 6 words; or, lower case, it is right beside the other technology ("Docker containers").
/// So "the rest of the team", a chemist's "volumetric flask" or "Celery juice" in the hobbies never count. An
/// everyday name outside the guide ("Spring 2021") needs the skills line or the list item.
/// </para>
/// <para>
/// <b>Negation and aspiration.</b> A cue shortly before the mention in the same clause ("no ORM", "never used
/// Docker", "learning Kubernetes", "familiar with Docker, Helm", "Kubernetes (learning)") makes it not count. Only
/// filler words ("with", "prior", "experience", ...), other technologies and list commas may sit between cue and
/// mention, so "no downtime using Kubernetes" still counts; a negation does not reach past a comma.
/// </para>
/// </summary>
internal sealed class MentionRules(string text, List<AliasHit> hits, AliasInfo[] aliases)
{
    private const int NearWords = 6;
    private const int AdjacentWords = 1;
    private const int SearchWords = 12;
    private const int CueWords = 6;
    private const int TokenReach = 100;

    /// <summary>Inside an e-mail address or a link ("jane.python@x.com", "github.com/jane"): not a skill, and personal.</summary>
    public bool InsideAddress(int h)
    {
        var hit = hits[h];
        var start = hit.Start;
        var limit = Math.Max(0, hit.Start - TokenReach);
        while (start > limit && !char.IsWhiteSpace(text[start - 1])) start--;
        var end = hit.End;
        var endLimit = Math.Min(text.Length, hit.End + TokenReach);
        while (end < endLimit && !char.IsWhiteSpace(text[end])) end++;
        var token = text.AsSpan(start, end - start);
        if (token.Contains('@') || token.Contains("://", StringComparison.Ordinal) || token.Contains("www.", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var domain in Domains)
            if (token.Contains(domain, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] Domains = [".com/", ".io/", ".org/", ".dev/", ".me/", ".co/", ".ai/", ".app/", "linkedin.com", "github.com", "gitlab.com"];

    private int[]? _near;
    private LineContext _line;

    public bool InTechnicalContext(int h)
    {
        var hit = hits[h];
        var alias = aliases[hit.Pattern];
        _near ??= NearestTechnology();
        var distance = _near[h];
        if (distance > SearchWords) return false;
        Line(h);
        if (_line.HobbyLine) return false;
        if (_line.SkillsLine) return true;
        if (distance <= NearWords && IsListItem(hit)) return true;
        if (alias.Everyday) return false;
        if (distance <= NearWords && HasCapital(text.AsSpan(hit.Start, hit.Length))) return true;
        return distance <= AdjacentWords;
    }

    private static bool HasCapital(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (char.IsUpper(c)) return true;
        return false;
    }

    /// <summary>For every mention, the words to the closest other technology on its line (1 = right beside it), or
    /// more than <see cref="SearchWords"/> when there is none. Two sweeps over the gaps between mentions: linear.</summary>
    private int[] NearestTechnology()
    {
        const int far = SearchWords + 1;
        var near = new int[hits.Count];
        var gaps = new int[hits.Count];
        for (var k = 0; k + 1 < hits.Count; k++) gaps[k] = Gap(hits[k].WordEnd, hits[k + 1].Start);
        var fromPrevious = far;
        for (var k = 0; k < hits.Count; k++)
        {
            if (k > 0) fromPrevious = IsContext(hits[k - 1]) ? Math.Min(far, gaps[k - 1] + 1) : Math.Min(far, fromPrevious + gaps[k - 1] + 1);
            near[k] = fromPrevious;
        }
        var fromNext = far;
        for (var k = hits.Count - 1; k >= 0; k--)
        {
            if (k + 1 < hits.Count) fromNext = IsContext(hits[k + 1]) ? Math.Min(far, gaps[k] + 1) : Math.Min(far, fromNext + gaps[k] + 1);
            near[k] = Math.Min(near[k], fromNext);
        }
        return near;
    }

    /// <summary>Words in <c>[from, to)</c>, numbers not counted; "far" across a line break.</summary>
    private int Gap(int from, int to)
    {
        if (to <= from) return 0;
        if (text.AsSpan(from, to - from).Contains('\n')) return SearchWords + 1;
        return WordsBetween(from, to);
    }

    // Another mention gives context when it is a plain technology name, or an ambiguous one written as a product name.
    private bool IsContext(AliasHit other)
    {
        var a = aliases[other.Pattern];
        if (!a.IsTechnical) return false;
        return !(a.Ambiguous || a.Everyday) || HasCapital(text.AsSpan(other.Start, other.Length));
    }

    /// <summary>Words in <c>[from, to)</c>, numbers not counted, stopping early past <see cref="SearchWords"/>.</summary>
    private int WordsBetween(int from, int to)
    {
        var words = 0;
        var i = from;
        while (i < to && words <= SearchWords)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var letters = false;
            while (i < to && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' or '.' && i + 1 < to && char.IsLetterOrDigit(text[i + 1])))
            {
                letters |= char.IsLetter(text[i]);
                i++;
            }
            if (letters) words++;
        }
        return words;
    }

    private bool IsListItem(AliasHit hit)
    {
        var line = _line;
        var i = hit.Start;
        while (i > line.Start && text[i - 1] is ' ' or '\t' or '*' or '-' or '\u00a0') i--;
        var before = i == line.Start || IsItemSeparator(text[i - 1]) || text[i - 1] == ':';
        var j = hit.WordEnd;
        while (j < line.End && (text[j] is ' ' or '\t' or '\u00a0' || char.IsAsciiDigit(text[j]) || text[j] is '.' or 'x' && j + 1 < line.End && char.IsAsciiDigit(text[j + 1]))) j++;
        var after = j >= line.End || IsItemSeparator(text[j]) || (text[j] == '.' && (j + 1 >= line.End || char.IsWhiteSpace(text[j + 1])));
        return before && after;
    }

    private static bool IsItemSeparator(char c) => c is ',' or ';' or '|' or '/' or '•' or '·' or '(' or ')' or '[' or ']' or '\u2022' or '\u25aa' or '\u25cf' or '\u2013' or '\u2014';

    /// <summary>Finds the mention's line (once per line) and reads it: a skills line, a hobbies line, or neither.</summary>
    private void Line(int h)
    {
        var hit = hits[h];
        if (_line.Known && hit.Start >= _line.Start && hit.Start < _line.End) return;
        var start = hit.Start == 0 ? 0 : text.LastIndexOf('\n', hit.Start - 1) + 1;
        var end = text.IndexOf('\n', hit.Start);
        if (end < 0) end = text.Length;
        _line = new LineContext { Start = start, End = end, Known = true };
        var first = h;
        while (first > 0 && hits[first - 1].Start >= start) first--;
        for (var k = first; k < hits.Count && hits[k].Start < end && !_line.HobbyLine; k++) _line.HobbyLine = aliases[hits[k].Pattern].HobbyMarker;
        _line.SkillsLine = !_line.HobbyLine && (HasSkillsLabel(text.AsSpan(start, end - start)) || IsTechnologyList(first, start, end));
    }

    /// <summary>"Skills:", "Tech stack -", "**Languages & frameworks:**" at the start of the line.</summary>
    private static bool HasSkillsLabel(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOfAny(':', '\u2013', '\u2014');
        if (colon < 0 || colon > 48) return false;
        var label = line[..colon];
        foreach (var word in SkillsLabelWords)
            if (label.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A line whose comma/slash/bullet items are mostly technologies ("Python, Django, React, Postgres").</summary>
    private bool IsTechnologyList(int first, int start, int end)
    {
        var k = first;
        int items = 0, technical = 0;
        var i = start;
        while (i < end)
        {
            var itemEnd = i;
            while (itemEnd < end && !IsItemSeparator(text[itemEnd])) itemEnd++;
            var hasWord = false;
            for (var j = i; j < itemEnd && !hasWord; j++) hasWord = char.IsLetterOrDigit(text[j]);
            if (hasWord)
            {
                items++;
                var tech = false;
                while (k < hits.Count && hits[k].Start < itemEnd)
                {
                    if (hits[k].Start >= i && aliases[hits[k].Pattern].IsTechnical) tech = true;
                    k++;
                }
                if (tech) technical++;
            }
            i = itemEnd + 1;
        }
        return items >= 3 && technical >= 2 && technical * 2 >= items;
    }

    private static readonly string[] SkillsLabelWords =
        ["skill", "stack", "tech", "tools", "tooling", "languages", "frameworks", "libraries", "databases", "cloud", "devops",
         "infrastructure", "platforms", "backend", "back-end", "back end", "frontend", "front-end", "front end", "proficienc",
         "competenc", "keywords", "expertise", "environment", "programming", "data stores", "ops"];

    /// <summary>A negation or aspiration cue before the mention in its clause, or right after it in brackets.</summary>
    public MentionCue FindCue(int h)
    {
        var hit = hits[h];
        if (BracketCue(hit) is { Kind: not CueKind.None } after) return after;

        var i = hit.Start;
        var k = h - 1;
        var words = 0;
        var crossedList = false;
        for (var steps = 0; steps < 32; steps++)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t' or '\u00a0' or ',' or '/' or '&' or '|' or '•' or '·' or '(' or ':' or '*' or '-' or '+' or '"' or '\'')
            {
                if (text[i - 1] is ',' or '/' or '|' or '•' or '·') crossedList = true;
                i--;
            }
            if (i == 0) return MentionCue.None;
            var p = text[i - 1];
            if (p is '\n' or '\r' or '.' or ';' or '!' or '?' or ')' or ']') return MentionCue.None;

            while (k >= 0 && hits[k].Start >= i) k--;
            if (k >= 0 && (hits[k].WordEnd == i || hits[k].End == i))
            {
                // Another technology in the same list: "familiar with Docker, Kubernetes".
                i = hits[k].Start;
                k--;
                continue;
            }

            var end = i;
            while (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '\'' or '’' || IsVersionDot(text, i - 1))) i--;
            if (i == end)
            {
                i--; // a symbol or an emoji: step over it
                continue;
            }
            var word = text.AsSpan(i, end - i);
            if (IsNumber(word)) continue;
            if (++words > CueWords) return MentionCue.None;
            var kind = CueEndingAt(text, i, word, out var cueStart);
            if (kind == CueKind.Negated && !crossedList) return new MentionCue(kind, cueStart, hit.End);
            if (kind == CueKind.Aspirational) return new MentionCue(kind, cueStart, hit.End);
            if (!IsBridge(word)) return MentionCue.None;
        }
        return MentionCue.None;
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!char.IsAsciiDigit(c) && c != '.') return false;
        return true;
    }

    // The dot of "3.11".
    private static bool IsVersionDot(string text, int at) =>
        text[at] == '.' && at > 0 && at + 1 < text.Length && char.IsAsciiDigit(text[at - 1]) && char.IsAsciiDigit(text[at + 1]);

    // "Kubernetes (learning)", "Docker (basic)".
    private MentionCue BracketCue(AliasHit hit)
    {
        var j = hit.WordEnd;
        while (j < text.Length && j < hit.WordEnd + 12 && (text[j] is ' ' or '\t' || char.IsAsciiDigit(text[j]) || text[j] == '.')) j++;
        if (j >= text.Length || text[j] != '(') return MentionCue.None;
        var start = j + 1;
        while (start < text.Length && text[start] == ' ') start++;
        var end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        var word = text.AsSpan(start, end - start);
        foreach (var w in BracketWords)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                var close = end < text.Length && text[end] == ')' ? end + 1 : end;
                return new MentionCue(CueKind.Aspirational, hit.Start, close);
            }
        return MentionCue.None;
    }

    private static readonly string[] BracketWords = ["learning", "basic", "basics", "beginner", "familiar", "exposure", "studying", "coursework"];

    /// <summary>The cue, if one ends with <paramref name="word"/> (which starts at <paramref name="wordStart"/>).</summary>
    private static CueKind CueEndingAt(string text, int wordStart, ReadOnlySpan<char> word, out int cueStart)
    {
        cueStart = wordStart;
        if (word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase)) return CueKind.Negated;
        foreach (var w in NegationWords)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return CueKind.Negated;
        foreach (var phrase in AspirationPhrases)
        {
            if (!word.Equals(phrase[^1], StringComparison.OrdinalIgnoreCase)) continue;
            var at = wordStart;
            var matched = true;
            for (var n = phrase.Length - 2; n >= 0 && matched; n--)
            {
                matched = PreviousWord(text, at, out var ws, out var we) && text.AsSpan(ws, we - ws).Equals(phrase[n], StringComparison.OrdinalIgnoreCase);
                at = ws;
            }
            if (!matched) continue;
            // "machine learning with Python" is a field, not a plan.
            if (phrase is ["learning"] && PreviousWord(text, wordStart, out var ps, out var pe) && IsLearningField(text.AsSpan(ps, pe - ps))) continue;
            cueStart = at;
            return CueKind.Aspirational;
        }
        return CueKind.None;
    }

    private static bool PreviousWord(string text, int before, out int start, out int end)
    {
        var i = before;
        while (i > 0 && text[i - 1] is ' ' or '\t' or '-' or '\u00a0') i--;
        end = i;
        while (i > 0 && char.IsLetterOrDigit(text[i - 1])) i--;
        start = i;
        return end > start;
    }

    private static bool IsLearningField(ReadOnlySpan<char> word)
    {
        foreach (var w in LearningFields)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsBridge(ReadOnlySpan<char> word)
    {
        foreach (var w in BridgeWords)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] NegationWords = ["no", "not", "never", "without", "non", "nor", "neither"];

    private static readonly string[][] AspirationPhrases =
    [
        ["learning"], ["studying"], ["familiar", "with"], ["familiarity", "with"], ["exposure", "to"], ["interested", "in"],
        ["want", "to", "learn"], ["wants", "to", "learn"], ["like", "to", "learn"], ["hoping", "to", "learn"], ["hope", "to", "learn"],
        ["plan", "to", "learn"], ["planning", "to", "learn"], ["eager", "to", "learn"], ["basic", "knowledge", "of"],
        ["basic", "understanding", "of"], ["beginner"], ["aspiring"], ["introduction", "to"], ["intro", "to"],
    ];

    private static readonly string[] LearningFields =
        ["machine", "deep", "reinforcement", "statistical", "supervised", "unsupervised", "federated", "transfer", "e", "online", "distance", "active", "ensemble"];

    private static readonly string[] BridgeWords =
        ["with", "in", "of", "to", "on", "a", "an", "the", "any", "much", "prior", "previous", "professional", "commercial", "production",
         "hands", "real", "world", "experience", "experienced", "used", "use", "using", "worked", "work", "working", "knowledge", "and", "or",
         "yet", "some", "basic", "little", "direct", "ever", "have", "has", "had", "i", "we", "been", "done", "built", "currently", "also",
         "more", "about", "how", "things", "like", "tools", "such", "as"];
}
