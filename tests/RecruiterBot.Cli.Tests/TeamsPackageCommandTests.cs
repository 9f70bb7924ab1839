using System.IO.Compression;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cli.Tests;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "7d5d1a3e-7c2b-4a55-9f55-1f3f8a1c0b21";
    private readonly string _output = Path.Combine(Path.GetTempPath(), "recruiterbot-teams-" + Guid.NewGuid().ToString("N"), "package.zip");

    private static string Source()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RecruiterBot.sln"))) return Path.Combine(dir.FullName, "bot-manifest", "teams");
        throw new InvalidOperationException("RecruiterBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task TeamsPackage_AppId_ZipWithManifestAndIcons()
    {
        var (code, stdout, _) = await RunAsync("teams-package", "--app-id", AppId, "--source", Source(), "--output", _output);

        Assert.Equal(CliApp.Ok, code);
        Assert.Equal(Path.GetFullPath(_output), stdout.Trim());
        using var zip = ZipFile.OpenRead(_output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString());
    }

    [Theory]
    [InlineData("my-bot")]
    [InlineData("7d5d1a3e7c2b4a559f551f3f8a1c0b21x")]
    [InlineData("{{TEAMS_APP_ID}}")]
    public async Task TeamsPackage_AppIdNotAGuid_BadUsageAndNoZip(string appId)
    {
        var (code, _, stderr) = await RunAsync("teams-package", "--app-id", appId, "--source", Source(), "--output", _output);

        Assert.Equal(CliApp.BadUsage, code);
        Assert.Contains("not a GUID", stderr);
        Assert.False(File.Exists(_output));
    }

    [Fact]
    public async Task TeamsPackage_SourceMissing_FailsNamingTheFiles()
    {
        var (code, _, stderr) = await RunAsync("teams-package", "--app-id", AppId, "--source", Path.GetTempPath() + "no-such-folder", "--output", _output);

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("manifest.json", stderr);
    }

    public void Dispose()
    {
        var folder = Path.GetDirectoryName(_output)!;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
