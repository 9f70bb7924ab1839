using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>The Teams app package source: the manifest against Microsoft's schema for its version, and the icons.</summary>
public sealed class TeamsManifestTests : IDisposable
{
    private const string AppId = "7d5d1a3e-7c2b-4a55-9f55-1f3f8a1c0b21";
    private static readonly string Folder = Path.Combine(TeamsNodeTools.RepositoryRoot, "bot-manifest", "teams");
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "recruiterbot-manifest-" + Guid.NewGuid().ToString("N") + ".json");

    private static JsonObject Manifest() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")).Replace("{{TEAMS_APP_ID}}", AppId))!.AsObject();

    private (int ExitCode, string Output) Validate(JsonObject manifest)
    {
        File.WriteAllText(_temp, manifest.ToJsonString());
        return TeamsNodeTools.RunNodeScript("validate-manifest.js", _temp);
    }

    [Fact]
    public void Manifest_WithAppId_ValidAgainstMicrosoftsSchemaForItsVersion()
    {
        var manifest = Manifest();

        var (code, output) = Validate(manifest);

        Assert.True(code == 0, output);
        Assert.True(Version.Parse(manifest["manifestVersion"]!.GetValue<string>()) >= new Version(1, 17));
        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["what is", "interview question", "read a resume", "help"], commands);
        Assert.NotEmpty(manifest["validDomains"]!.AsArray());
    }

    [Fact]
    public void Manifest_ComposeExtension_OneSearchCommandOnTheBot()
    {
        var manifest = Manifest();

        var extension = Assert.Single(manifest["composeExtensions"]!.AsArray())!;
        Assert.Equal(AppId, extension["botId"]!.GetValue<string>());
        var command = Assert.Single(extension["commands"]!.AsArray())!;
        Assert.Equal("searchKeyword", command["id"]!.GetValue<string>());
        Assert.Equal("query", command["type"]!.GetValue<string>());
        Assert.Equal("Search skills and terms", command["title"]!.GetValue<string>());
        var parameter = Assert.Single(command["parameters"]!.AsArray())!;
        Assert.Equal("searchKeyword", parameter["name"]!.GetValue<string>());
    }

    [Fact]
    public void Manifest_Broken_ValidatorReportsIt()
    {
        var manifest = Manifest();
        manifest["description"]!["short"] = new string('x', 81);
        manifest["bots"]![0]!["botId"] = "not-a-guid";

        var (code, output) = Validate(manifest);

        Assert.Equal(1, code);
        Assert.Contains("/description/short", output);
        Assert.Contains("/bots/0/botId", output);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_HasRequiredSizeAndTransparency(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        // Colour type 6: RGBA. The outline must be white on transparent, the colour icon has rounded corners.
        Assert.Equal(6, bytes[25]);
    }

    public void Dispose() => File.Delete(_temp);
}
