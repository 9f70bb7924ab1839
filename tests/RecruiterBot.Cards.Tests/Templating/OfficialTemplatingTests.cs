using System.Text.Json.Nodes;
using RecruiterBot.Cards.Templating;

namespace RecruiterBot.Cards.Tests.Templating;

/// <summary>Our template engine against the official npm package adaptivecards-templating, run under Node: same JSON.</summary>
public sealed class OfficialTemplatingTests
{
    [Fact]
    public void Expand_EveryTemplateWithSampleAndEdgeData_SameJsonAsOfficialPackage()
    {
        var cases = new List<(string Name, JsonNode Template, JsonNode Data)>();
        foreach (var format in CardTemplates.Formats)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Cards, format), "*.data.json"))
            {
                var kind = Path.GetFileName(file)[..^".data.json".Length];
                cases.Add(($"{format}/{kind} sample", CardJson.Templates.Get(format, kind), JsonNode.Parse(File.ReadAllText(file))!));
            }
            foreach (var (name, reply) in CardSamples.Edge().Concat(CardSamples.RealQuestions().Take(12)))
            {
                var data = CardJson.Data(reply);
                cases.Add(($"{format}/{name}", CardJson.Templates.Get(format, data.Kind), CardJson.Node(data)));
            }
        }
        Assert.True(cases.Count >= 16 * 2, $"only {cases.Count} cases");
        AssertSameAsOfficial(cases);
    }

    /// <summary>The renderer binds templates compiled once at load, with the data read in place; the result is the
    /// expansion the official package is compared with above.</summary>
    [Fact]
    public void Bind_EveryTemplateWithEdgeAndRealData_SameAsExpand()
    {
        foreach (var format in CardTemplates.Formats)
            foreach (var (name, reply) in CardSamples.Edge().Concat(CardSamples.RealQuestions()))
            {
                var data = CardJson.Data(reply);
                var expanded = TemplateEngine.Expand(CardJson.Templates.Get(format, data.Kind), CardJson.Node(data));
                Assert.True(CardJson.Canonical(expanded) == CardJson.Canonical(CardJson.Templates.Bind(format, data)), $"{format}/{name}");
            }
    }

    /// <summary>The corners of the language our engine copies: unbound paths, $when truth, nulls, nesting, $index.</summary>
    [Fact]
    public void Expand_LanguageCorners_SameJsonAsOfficialPackage()
    {
        (string Template, string Data)[] corners =
        [
            ("""{"a":"${missing}","b":"x ${missing} y","c":{"d":"${missing.deep}"}}""", "{}"),
            ("""{"a":"${n}","b":"${t}","c":"x${f}","d":"${o}","e":"${num}","f":"n=${num}"}""", """{"n":null,"t":true,"f":false,"o":{"k":[1,"2"]},"num":3}"""),
            ("""{"a":"${s}","b":"${  s  }","c":"${s}${s}","d":"}${s}{","e":"${s"}""", """{"s":"it's \"q\" \n ü 😀 <!channel> ${inner} @{x} \\ \t"}"""),
            ("""{"x":[{"t":"T","$when":"${missing}"},{"t":"F","$when":"${f}"},{"t":"S","$when":"${s}"},{"t":"N","$when":"${one}"},{"t":"L","$when":"true"},{"t":"Y","$when":"${t}"}]}""",
             """{"f":false,"s":"true","one":1,"t":true}"""),
            ("""{"x":[{"t":"1","$when":"${count(l) > 0}"},{"t":"2","$when":"${count(e) > 0}"},{"t":"3","$when":"${exists(m)}"},{"t":"4","$when":"${exists(n)}"},{"t":"5","$when":"${exists(z)}"},{"t":"6","$when":"${!empty(z)}"},{"t":"7","$when":"${empty(e)}"}]}""",
             """{"l":[1],"e":[],"n":null,"z":""}"""),
            ("""{"x":[{"t":"1","$when":"${!a}"},{"t":"2","$when":"${!s}"},{"t":"3","$when":"${a || b}"},{"t":"4","$when":"${t && s}"},{"t":"5","$when":"${s == 'x'}"},{"t":"6","$when":"${a != 'x'}"},{"t":"7","$when":"${count(s) >= 1 && !(b)}"},{"t":"8","$when":"${count(l) < 2}"},{"t":"9","$when":"${count(l) <= 2}"}]}""",
             """{"a":null,"b":false,"s":"x","t":true,"l":[1,2]}"""),
            ("""{"x":[{"t":"${t} ${$index} ${$root.r}","$data":"${l}","y":[{"u":"${v}-${$index}","$data":"${inner}"}],"i":"${$index}"}]}""",
             """{"r":"R","l":[{"t":"a","inner":[{"v":1},{"v":2}]},{"t":"b","inner":[]}]}"""),
            ("""{"x":[{"t":"${$data}","$data":"${l}"},{"z":1},{"t":"${$index}","$data":"${l}"}],"y":[1,"${a}",true,null]}""", """{"l":["a","b"],"a":2}"""),
            ("""{"x":[{"t":"${title}","$data":"${l}"},{"t":"${k}","$data":"${l}","$when":"${exists(k)}"}]}""", """{"title":"ROOT","l":[{"k":"a"},{"k":null},{}]}"""),
            ("""{"x":{"t":"${t}","$data":"${o}"},"y":{"t":"${t}","$data":"${l}"},"z":{"t":"T","$when":"${f}"},"w":"${$data.t}"}""",
             """{"o":{"t":"obj"},"l":[{"t":"a"},{"t":"b"}],"f":false,"t":"data"}"""),
            ("""{"x":"${if(c, 'Yes', 'No')}","y":"${if(d, 'Yes', 'No')}","z":"${if(c, o, 'No')}","w":"${'lit'}","v":"${a.b.c}"}""",
             """{"c":true,"d":null,"o":{"k":1},"a":{"b":{"c":"deep"}}}"""),
            ("""{"x":[{"t":"${k}","$data":"${l}"}],"y":"${l}"}""", """{"l":[{"k":null}]}"""),
            // A text longer than the binding's first buffer, with escaped and non-ASCII characters.
            ("""{"x":"<${s}> ${s} ${n} ${t}","y":["${s}-${s}"]}""",
             $$"""{"s":"{{string.Concat(Enumerable.Repeat(@"ü “q” \n 😀 \\ ", 120))}}","n":7,"t":true}"""),
        ];
        AssertSameAsOfficial(corners.Select((c, i) => ($"corner {i}", JsonNode.Parse(c.Template)!, JsonNode.Parse(c.Data)!)).ToList());
    }

    private static void AssertSameAsOfficial(List<(string Name, JsonNode Template, JsonNode Data)> cases)
    {
        var request = new JsonObject
        {
            ["command"] = "expand",
            ["cases"] = new JsonArray([.. cases.Select(c => new JsonObject { ["template"] = c.Template.DeepClone(), ["data"] = c.Data.DeepClone() })]),
        };
        var results = NodeHarness.Run(request)["results"]!.AsArray();
        Assert.Equal(cases.Count, results.Count);
        var differences = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var official = results[i]!;
            Assert.True(official["ok"]!.GetValue<bool>(), $"{cases[i].Name}: the official package failed: {official["error"]}");
            var ours = CardJson.Canonical(TemplateEngine.Expand(cases[i].Template, cases[i].Data));
            var theirs = CardJson.Canonical(official["card"]);
            if (ours != theirs) differences.Add($"{cases[i].Name}:\n  ours:     {ours}\n  official: {theirs}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
