using RecruiterBot.Core.Resume;

namespace RecruiterBot.Core.Tests.Resume;

public sealed class AliasAutomatonTests
{
    private static List<string> Find(string text, params string[] patterns)
    {
        var automaton = new AliasAutomaton(patterns);
        var hits = new List<AliasHit>();
        automaton.Scan(text, hits);
        return hits.Select(h => $"{patterns[h.Pattern]}={text[h.Start..h.End]}").ToList();
    }

    [Fact]
    public void Scan_IgnoresCaseAndFindsEveryPattern() =>
        Assert.Equal(["django=DJANGO", "react=React", "postgresql=postgreSQL"], Find("DJANGO and React on postgreSQL", "django", "react", "postgresql"));

    [Theory]
    [InlineData("reacted quickly")]
    [InlineData("overreact")]
    [InlineData("preact")]
    [InlineData("reactive")]
    public void Scan_InsideAWord_NoMatch(string text) => Assert.Empty(Find(text, "react"));

    [Theory]
    [InlineData("React, Vue", "react=React")]
    [InlineData("(React)", "react=React")]
    [InlineData("•React/Vue", "react=React")]
    [InlineData("React18", "react=React")]
    [InlineData("React 18.2", "react=React")]
    public void Scan_PunctuationAndVersionsAround_Match(string text, string expected) => Assert.Equal(expected, Find(text, "react")[0]);

    [Fact]
    public void Scan_VersionGluedToName_WordEndCoversIt()
    {
        var automaton = new AliasAutomaton(["python"]);
        var hits = new List<AliasHit>();
        automaton.Scan("Python3.11, Django", hits);
        var hit = Assert.Single(hits);
        Assert.Equal((0, 6, 10), (hit.Start, hit.End, hit.WordEnd));
    }

    [Fact]
    public void Scan_OverlappingPatterns_LeftmostLongestWins() =>
        Assert.Equal(["django rest framework=Django REST Framework", "rest=REST"],
            Find("Django REST Framework and REST", "django", "rest", "django rest framework", "framework"));

    [Fact]
    public void Scan_SpacesHyphensAndUnderscores_AreOneSpace() =>
        Assert.Equal(["fast-api=fast-api", "fast-api=FAST  API", "fast-api=fast_api", "fast-api=Fast\nAPI"],
            Find("fast-api FAST  API fast_api Fast\nAPI", "fast-api"));

    [Fact]
    public void Scan_SymbolsInPatterns_MatchLiterally() =>
        Assert.Equal(["c#=C#", ".net=.NET", "c++=C++", "node.js=Node.js", "asp.net=ASP.NET"],
            Find("C# .NET C++ Node.js ASP.NET", "c#", ".net", "c++", "node.js", "asp.net"));

    [Fact]
    public void Scan_NonAsciiText_NoCrashAndNonAsciiPatternsMatch() =>
        Assert.Equal(["café=CAFÉ"], Find("🙂 \u202e漢字 CAFÉ \ud800", "café"));

    [Fact]
    public void Scan_ManyPatterns_StillOnePassResult()
    {
        var patterns = Enumerable.Range(0, 2000).Select(i => $"tech{i}").Append("python").ToArray();
        var text = string.Join(", ", Enumerable.Range(0, 500).Select(i => $"Tech{i * 3}")) + " python";
        var found = Find(text, patterns);
        Assert.Equal(501, found.Count);
        Assert.Equal("python=python", found[^1]);
    }

    [Fact]
    public void Scan_NoPatterns_NoMatch() => Assert.Empty(Find("anything at all", []));

    [Fact]
    public void Fold_LowerCaseSingleSpacesTrimmed() => Assert.Equal("ci cd pipelines", AliasAutomaton.Fold("  CI-CD\t_Pipelines "));
}
