using System.Numerics;

namespace RecruiterBot.Core.Matching;

/// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent swaps: "pyhton"), with an early exit.</summary>
internal static class EditDistance
{
    private const int StackLimit = 64;

    /// <summary>The distance, or a number above <paramref name="limit"/> as soon as it cannot be within it.</summary>
    public static int Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        if (b.Length >= StackLimit) return Slow(a, b, limit);
        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        return Run(a, b, limit, prev2, prev, cur);
    }

    /// <summary>The characters a string uses, as bits (a-z, 0-9, anything else folded into the rest), for <see cref="LowerBound"/>.</summary>
    public static ulong Letters(ReadOnlySpan<char> s)
    {
        ulong mask = 0;
        foreach (var c in s)
            mask |= 1UL << (c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + c - '0' : 36 + c % 28);
        return mask;
    }

    /// <summary>
    /// A distance the strings cannot be under, from their <see cref="Letters"/>: every character one uses and the other
    /// does not needs an edit of its own. Checked in a few instructions, it skips most of the table for unrelated words.
    /// </summary>
    public static int LowerBound(ulong a, ulong b) => Math.Max(BitOperations.PopCount(a & ~b), BitOperations.PopCount(b & ~a));

    private static int Slow(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit) =>
        Run(a, b, limit, new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1]);

    private static int Run(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit, Span<int> prev2, Span<int> prev, Span<int> cur)
    {
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > limit) return limit + 1;
            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.Length];
    }
}
