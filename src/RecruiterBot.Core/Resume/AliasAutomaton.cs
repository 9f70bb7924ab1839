namespace RecruiterBot.Core.Resume;

/// <summary>
/// Finds every alias in a text in one pass, whatever the number of aliases: an Aho-Corasick automaton compiled to a
/// table over the few characters the aliases use, so each text character costs one table lookup.
/// Matching ignores case, treats runs of white space, '-' and '_' as one space ("fast-api", "CI  CD"), and keeps
/// only matches that start and end at a word boundary ("reacted" is not "react"). A match may be followed by a
/// version number ("React18", "Python3.11"). Overlapping matches resolve to the leftmost, then the longest.
/// </summary>
internal sealed class AliasAutomaton
{
    private const int NoClass = 0;
    private const char Space = ' ';

    private readonly int[] _asciiClass = new int[128];
    private readonly Dictionary<char, int> _otherClass = [];
    private readonly int _spaceClass;
    private readonly int _classes;
    private readonly int[] _next;
    private readonly int[] _output;
    private readonly int[] _outputLink;
    private readonly int[] _length;
    private readonly bool[] _endsWithLetter;
    private readonly int _ringMask;

    /// <param name="patterns">The aliases; a match reports the index of its alias in this list. Empty ones never match.</param>
    public AliasAutomaton(IReadOnlyList<string> patterns)
    {
        var folded = patterns.Select(Fold).ToList();
        _length = folded.Select(p => p.Length).ToArray();
        _endsWithLetter = folded.Select(p => p.Length > 0 && char.IsLetter(p[^1])).ToArray();

        // Character classes: 0 for characters no alias uses, then one per distinct character.
        var classOf = new Dictionary<char, int>();
        foreach (var c in folded.SelectMany(p => p).Distinct().Order()) classOf[c] = classOf.Count + 1;
        if (!classOf.ContainsKey(Space)) classOf[Space] = classOf.Count + 1;
        _classes = classOf.Count + 1;
        _spaceClass = classOf[Space];
        for (var c = 0; c < 128; c++)
        {
            var f = FoldChar((char)c);
            _asciiClass[c] = classOf.TryGetValue(f, out var k) ? k : NoClass;
        }
        foreach (var (c, k) in classOf)
            if (c >= 128) _otherClass[c] = k;

        // The trie.
        var children = new List<Dictionary<int, int>> { new() };
        var output = new List<int> { -1 };
        for (var p = 0; p < folded.Count; p++)
        {
            if (folded[p].Length == 0) continue;
            var state = 0;
            foreach (var c in folded[p])
            {
                var k = classOf[c];
                if (!children[state].TryGetValue(k, out var child))
                {
                    child = children.Count;
                    children[state][k] = child;
                    children.Add([]);
                    output.Add(-1);
                }
                state = child;
            }
            if (output[state] < 0) output[state] = p;
        }

        // Failure links breadth first, folded into a full transition table.
        var states = children.Count;
        _next = new int[states * _classes];
        _output = output.ToArray();
        _outputLink = new int[states];
        var fail = new int[states];
        var queue = new Queue<int>();
        _outputLink[0] = -1;
        for (var k = 0; k < _classes; k++)
        {
            if (children[0].TryGetValue(k, out var child))
            {
                _next[k] = child;
                fail[child] = 0;
                _outputLink[child] = -1;
                queue.Enqueue(child);
            }
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            for (var k = 0; k < _classes; k++)
            {
                if (children[state].TryGetValue(k, out var child))
                {
                    _next[state * _classes + k] = child;
                    var f = _next[fail[state] * _classes + k];
                    fail[child] = f;
                    _outputLink[child] = _output[f] >= 0 ? f : _outputLink[f];
                    queue.Enqueue(child);
                }
                else _next[state * _classes + k] = _next[fail[state] * _classes + k];
            }
        }

        var longest = Math.Max(1, _length.DefaultIfEmpty(1).Max());
        var ring = 1;
        while (ring < longest) ring <<= 1;
        _ringMask = ring - 1;
    }

    /// <summary>The form the automaton compares: lower case, white space, '-' and '_' as single spaces, trimmed.</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        var n = 0;
        foreach (var ch in text)
        {
            var c = FoldChar(ch);
            if (c == Space && (n == 0 || chars[n - 1] == Space)) continue;
            chars[n++] = c;
        }
        if (n > 0 && chars[n - 1] == Space) n--;
        return new string(chars, 0, n);
    }

    private static char FoldChar(char c) => char.IsWhiteSpace(c) || c is '-' or '_' ? Space : char.ToLowerInvariant(c);

    /// <summary>Appends the matches of <paramref name="text"/> to <paramref name="hits"/>, in text order, without overlaps.</summary>
    public void Scan(string text, List<AliasHit> hits)
    {
        var first = hits.Count;
        Span<int> ring = stackalloc int[_ringMask + 1];
        var fed = 0;
        var state = 0;
        var lastWasSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            int k;
            if (ch < 128) k = _asciiClass[ch];
            else if (char.IsWhiteSpace(ch)) k = _spaceClass;
            else k = _otherClass.Count > 0 && _otherClass.TryGetValue(char.ToLowerInvariant(ch), out var o) ? o : NoClass;

            if (k == _spaceClass)
            {
                if (lastWasSpace) continue;
                lastWasSpace = true;
            }
            else lastWasSpace = false;

            ring[fed & _ringMask] = i;
            fed++;
            state = _next[state * _classes + k];
            for (var s = _output[state] >= 0 ? state : _outputLink[state]; s >= 0; s = _outputLink[s])
            {
                var p = _output[s];
                var start = ring[(fed - _length[p]) & _ringMask];
                if (IsWordStart(text, start) && WordEnd(text, i + 1, _endsWithLetter[p]) is var end and >= 0)
                    Keep(hits, first, new AliasHit(start, i + 1, end, p));
            }
        }
    }

    private static bool IsWordStart(string text, int start) => start == 0 || !char.IsLetterOrDigit(text[start - 1]) || !char.IsLetterOrDigit(text[start]);

    /// <summary>Where the word of a match ends (past a version number glued to it), or -1 when the match ends inside a word.</summary>
    private static int WordEnd(string text, int end, bool endsWithLetter)
    {
        if (end >= text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1])) return end;
        if (!endsWithLetter || !char.IsAsciiDigit(text[end])) return -1;
        // "React18", "Python3.11": a version number glued to a name.
        var j = end;
        while (j < text.Length && (char.IsAsciiDigit(text[j]) || (text[j] == '.' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1])))) j++;
        return j >= text.Length || !char.IsLetterOrDigit(text[j]) ? j : -1;
    }

    // Matches arrive ordered by end; a new one that starts no later than the last kept one contains it and replaces it,
    // one that starts inside it loses to it.
    private static void Keep(List<AliasHit> hits, int first, AliasHit hit)
    {
        while (hits.Count > first)
        {
            var last = hits[^1];
            if (hit.Start <= last.Start) { hits.RemoveAt(hits.Count - 1); continue; }
            if (hit.Start < last.End) return;
            break;
        }
        hits.Add(hit);
    }
}
