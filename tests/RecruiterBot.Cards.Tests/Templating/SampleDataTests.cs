using RecruiterBot.Cards.Data;
using RecruiterBot.Cards.Templating;

namespace RecruiterBot.Cards.Tests.Templating;

/// <summary>The sample data beside each template (what the Designer opens it with) is exactly what CardData builds for a
/// realistic reply. RECRUITERBOT_UPDATE_GOLDEN=1 rewrites the files.</summary>
public sealed class SampleDataTests
{
    [Fact]
    public void SampleDataFiles_MatchCardDataForRealisticReplies()
    {
        var update = Environment.GetEnvironmentVariable("RECRUITERBOT_UPDATE_GOLDEN") == "1";
        var stale = new List<string>();
        foreach (var (kind, reply) in CardSamples.Realistic)
        {
            var data = CardData.For(reply);
            Assert.Equal(kind, data.Kind);
            var expected = CardJson.Node(data).ToJsonString(CardJson.Indented) + "\n";
            foreach (var format in CardTemplates.Formats)
            {
                var path = Path.Combine(RepoPaths.Cards, format, kind + ".data.json");
                if (update) File.WriteAllText(path, expected);
                else if (!File.Exists(path) || File.ReadAllText(path) != expected) stale.Add(path);
            }
        }
        Assert.True(stale.Count == 0, "sample data out of date (rerun with RECRUITERBOT_UPDATE_GOLDEN=1): " + string.Join(", ", stale));
    }

    [Fact]
    public void Check_RepositoryCardsFolder_NoProblems()
    {
        var problems = CardTemplates.Check(RepoPaths.Cards);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Check_BrokenTemplates_ListsEveryProblem()
    {
        var folder = Directory.CreateTempSubdirectory("cards-check-").FullName;
        try
        {
            foreach (var format in CardTemplates.Formats)
            {
                Directory.CreateDirectory(Path.Combine(folder, format));
                foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Cards, format)))
                    File.Copy(file, Path.Combine(folder, format, Path.GetFileName(file)));
            }
            File.WriteAllText(Path.Combine(folder, "adaptive", "skill.json"), "{ not json");
            var help = File.ReadAllText(Path.Combine(folder, "slack", "help.json")).Replace("${title}", "${titel}");
            File.WriteAllText(Path.Combine(folder, "slack", "help.json"), help);
            File.WriteAllText(Path.Combine(folder, "adaptive", "greeting.json"),
                """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"${$index} ${nope(title)}"},{"type":"TextBlock","$data":"${buttons}","text":"${text}"}]}""");
            File.Delete(Path.Combine(folder, "slack", "unknown.json"));
            File.Delete(Path.Combine(folder, "adaptive", "overview.data.json"));

            var problems = CardTemplates.Check(folder);

            Assert.Contains(problems, p => p.StartsWith("adaptive/skill.json: not valid JSON", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("slack/help.json:", StringComparison.Ordinal) && p.Contains("${titel}", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("adaptive/greeting.json:", StringComparison.Ordinal) && p.Contains("unknown function 'nope'", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("adaptive/greeting.json:", StringComparison.Ordinal) && p.Contains("${text}", StringComparison.Ordinal));
            Assert.Contains(problems, p => p == "slack/unknown.json: missing");
            Assert.Contains(problems, p => p.StartsWith("adaptive/overview.json: no sample data", StringComparison.Ordinal));
            var thrown = Assert.Throws<TemplateException>(() => new ReplyRenderer(folder));
            Assert.Contains("slack/unknown.json: missing", thrown.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void DefaultRenderer_LoadsTemplatesCopiedNextToBinaries()
    {
        var rendered = new ReplyRenderer().Render(CardSamples.Realistic["skill"]);
        Assert.Equal("1.5", rendered.Card!["version"]!.GetValue<string>());
        Assert.NotEmpty(rendered.Slack!["blocks"]!.AsArray());
    }
}
