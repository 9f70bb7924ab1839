using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Tests.Rendering;

/// <summary>Every card rendered by the official adaptivecards renderer in headless Chromium, with visible text and
/// buttons; screenshots go to artifacts/screenshots/cards/ (docs/screenshots/ holds two chosen ones for the README).</summary>
public sealed class BrowserRenderTests
{
    [Fact]
    public void Chromium_EveryAnswerKind_RendersVisibleTextAndScreenshots()
    {
        NodeHarness.RequireChromium();
        var cards = CardSamples.Realistic.Select(kv => (Name: kv.Key, kv.Value))
            .Concat(CardSamples.Edge().Select(e => (e.Name, Value: e.Reply)))
            .Select(s => (s.Name, Card: CardJson.Renderer.AdaptiveCard(s.Value))).ToList();
        if (Directory.Exists(RepoPaths.Screenshots))
            foreach (var old in Directory.EnumerateFiles(RepoPaths.Screenshots, "*.png")) File.Delete(old);

        var output = NodeHarness.Run(new JsonObject
        {
            ["command"] = "render",
            ["outDir"] = RepoPaths.Screenshots,
            ["executablePath"] = NodeHarness.Chromium,
            ["cards"] = new JsonArray([.. cards.Select(c => new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() })]),
        }, TimeSpan.FromSeconds(90));

        Assert.Empty(output["pageErrors"]!.AsArray());
        Assert.Empty(output["blocked"]!.AsArray());
        var results = output["results"]!.AsArray();
        Assert.Equal(cards.Count, results.Count);
        foreach (var r in results)
        {
            var name = r!["name"]!.GetValue<string>();
            Assert.True(r["error"] is null, $"{name}: {r["error"]}");
            Assert.Empty(r["warnings"]!.AsArray());
            var text = r["text"]!.GetValue<string>();
            Assert.True(text.Trim().Length > 10, $"{name}: no visible text");
            Assert.True(r["height"]!.GetValue<double>() > 40, $"{name}: rendered {r["height"]}px high");
            var png = r["screenshot"]!.GetValue<string>();
            Assert.True(File.Exists(png) && new FileInfo(png).Length > 1000, $"{name}: no screenshot at {png}");
        }
        var skill = results.First(r => r!["name"]!.GetValue<string>() == "skill")!;
        Assert.Contains("Celery and Background Jobs", skill["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Interview question about this", skill["buttons"]!.AsArray().Select(b => b!.GetValue<string>()));
        var resume = results.First(r => r!["name"]!.GetValue<string>() == "resume")!;
        Assert.Contains("“Django REST Framework”", resume["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
