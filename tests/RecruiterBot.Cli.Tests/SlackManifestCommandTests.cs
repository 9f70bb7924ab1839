using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RecruiterBot.Cli.Tests;

public sealed class SlackManifestCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static List<string> Sequence(YamlNode node, params string[] path) =>
        ((YamlSequenceNode)At(node, path)).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    [Theory]
    [InlineData("https://example.org")]
    [InlineData("https://example.org/")]
    public async Task SlackManifest_HttpsBaseUrl_EveryUrlFilledIn(string baseUrl)
    {
        var (exit, output, error) = await RunAsync("slack-manifest", "--base-url", baseUrl);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.DoesNotContain("{{", output);
        var manifest = Parse(output);
        Assert.Equal("https://example.org/slack/events", Scalar(manifest, "settings", "event_subscriptions", "request_url"));
        Assert.Equal("https://example.org/slack/interactions", Scalar(manifest, "settings", "interactivity", "request_url"));
        var command = (YamlMappingNode)((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children.Single();
        Assert.Equal("/recruiter", Scalar(command, "command"));
        Assert.Equal("https://example.org/slack/commands", Scalar(command, "url"));
    }

    [Fact]
    public async Task SlackManifest_Output_UsesOnlyKnownScopesAndEventsWithinSlackLimits()
    {
        var (_, output, _) = await RunAsync("slack-manifest", "--base-url", "https://bot.example.org/recruiter");
        var manifest = Parse(output);
        // Known values from Slack's @slack/web-api manifest types (TestData/slack-manifest-known-values.json).
        var known = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "slack-manifest-known-values.json")))!;
        var knownScopes = known["bot_scopes"]!.AsArray().Select(n => n!.ToString()).ToHashSet();
        var knownEvents = known["bot_events"]!.AsArray().Select(n => n!.ToString()).ToHashSet();

        var scopes = Sequence(manifest, "oauth_config", "scopes", "bot");
        Assert.All(scopes, s => Assert.Contains(s, knownScopes));
        Assert.Subset(scopes.ToHashSet(), new HashSet<string> { "app_mentions:read", "chat:write", "commands", "im:history" });
        var events = Sequence(manifest, "settings", "event_subscriptions", "bot_events");
        Assert.All(events, e => Assert.Contains(e, knownEvents));
        Assert.Equal(["app_home_opened", "app_mention", "message.im"], events.Order());

        Assert.InRange(Scalar(manifest, "display_information", "name").Length, 1, 35);
        Assert.InRange(Scalar(manifest, "display_information", "description").Length, 1, 140);
        Assert.InRange(Scalar(manifest, "display_information", "long_description").Length, 175, 4000);
        Assert.Matches("^#[0-9a-fA-F]{6}$", Scalar(manifest, "display_information", "background_color"));
        Assert.Matches("^[a-z0-9._-]{1,80}$", Scalar(manifest, "features", "bot_user", "display_name"));
        Assert.Equal("true", Scalar(manifest, "features", "app_home", "home_tab_enabled"));
        Assert.Equal("true", Scalar(manifest, "features", "app_home", "messages_tab_enabled"));
        Assert.Equal("true", Scalar(manifest, "settings", "interactivity", "is_enabled"));
        Assert.StartsWith("https://bot.example.org/recruiter/slack/", Scalar(manifest, "settings", "event_subscriptions", "request_url"));
    }

    [Fact]
    public async Task SlackManifest_Template_HasOnePlaceholderName()
    {
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "bot-manifest", "slack", "manifest.yml"));
        Assert.Equal(["{{BASE_URL}}"], Regex.Matches(template, @"\{\{[^}]*\}\}").Select(m => m.Value).Distinct());
    }

    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:3978")]
    public async Task SlackManifest_HttpLoopback_Allowed(string baseUrl)
    {
        var (exit, output, _) = await RunAsync("slack-manifest", "--base-url", baseUrl);
        Assert.Equal(0, exit);
        Assert.Contains(baseUrl + "/slack/events", output);
    }

    [Theory]
    [InlineData("http://example.org")]
    [InlineData("example.org")]
    [InlineData("/slack")]
    [InlineData("ftp://example.org")]
    [InlineData("https://example.org/?a=1")]
    [InlineData("https://user:pw@example.org")]
    [InlineData("")]
    public async Task SlackManifest_BadBaseUrl_Exit2WithOneLineError(string baseUrl)
    {
        var (exit, output, error) = await RunAsync("slack-manifest", "--base-url", baseUrl);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error:", error);
    }

    [Fact]
    public async Task SlackManifest_NoBaseUrl_Exit2()
    {
        var (exit, _, error) = await RunAsync("slack-manifest");
        Assert.Equal(2, exit);
        Assert.Contains("--base-url", error);
    }

    [Fact]
    public async Task SlackManifest_QuoteInUrl_CannotBreakTheYaml()
    {
        var (exit, output, _) = await RunAsync("slack-manifest", "--base-url", "https://example.org/a\"b");
        Assert.Equal(0, exit);
        Assert.Equal("https://example.org/a%22b/slack/events", Scalar(Parse(output), "settings", "event_subscriptions", "request_url"));
    }
}
