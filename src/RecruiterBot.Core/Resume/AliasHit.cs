namespace RecruiterBot.Core.Resume;

/// <summary>One alias found in a text: <c>[Start, End)</c> is the alias as written, <see cref="WordEnd"/> is past a
/// version number glued to it ("React18"), <see cref="Pattern"/> the index of the alias.</summary>
internal readonly record struct AliasHit(int Start, int End, int WordEnd, int Pattern)
{
    public int Length => End - Start;
}
