using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;

namespace RecruiterBot.Cli.Commands;

/// <summary>
/// <c>teams-package</c>: fills the bot's app id into <c>bot-manifest/teams/manifest.json</c> and zips it with the two
/// icons into the package Teams uploads (<c>artifacts/recruiterbot-teams.zip</c>, never committed).
/// </summary>
internal static class TeamsPackageCommand
{
    public const string AppIdPlaceholder = "{{TEAMS_APP_ID}}";
    public const string AppIdVariable = "Teams__AppId";
    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    public static Command Create(CliIo io)
    {
        var appId = new Option<string?>("--app-id") { Description = $"The bot's Microsoft App Id, a GUID (default: the {AppIdVariable} environment variable)" };
        var source = new Option<string>("--source") { Description = "Folder with manifest.json, color.png and outline.png", DefaultValueFactory = _ => Path.Combine("bot-manifest", "teams") };
        var output = new Option<string>("--output") { Description = "The zip to write", DefaultValueFactory = _ => Path.Combine("artifacts", "recruiterbot-teams.zip") };
        var command = new Command("teams-package", "Build the Teams app package (manifest with the app id, and the icons) as a zip to upload to Teams.");
        command.Options.Add(appId);
        command.Options.Add(source);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var id = parsed.GetValue(appId) ?? Environment.GetEnvironmentVariable(AppIdVariable);
            if (string.IsNullOrWhiteSpace(id))
            {
                io.Error.WriteLine($"error: no app id; pass --app-id or set {AppIdVariable}");
                return CliApp.BadUsage;
            }
            if (!Guid.TryParseExact(id.Trim(), "D", out var guid))
            {
                io.Error.WriteLine($"error: the app id '{Shorten(id)}' is not a GUID like 7d5d1a3e-7c2b-4a55-9f55-1f3f8a1c0b21");
                return CliApp.BadUsage;
            }
            return Package(guid.ToString("D"), parsed.GetValue(source)!, parsed.GetValue(output)!, io);
        });
        return command;
    }

    private static int Package(string appId, string source, string output, CliIo io)
    {
        var missing = Files.Where(f => !File.Exists(Path.Combine(source, f))).ToList();
        if (missing.Count > 0)
        {
            io.Error.WriteLine($"error: {source} lacks {string.Join(", ", missing)} (run from the repository root or pass --source)");
            return CliApp.Failed;
        }
        var manifest = File.ReadAllText(Path.Combine(source, "manifest.json")).Replace(AppIdPlaceholder, appId, StringComparison.Ordinal);
        try { using var _ = JsonDocument.Parse(manifest); }
        catch (JsonException e)
        {
            io.Error.WriteLine($"error: {source}/manifest.json is not valid JSON: {e.Message}");
            return CliApp.Failed;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, Path.GetFileName(output) + ".tmp");
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open())) writer.Write(manifest);
            foreach (var icon in Files.Skip(1)) zip.CreateEntryFromFile(Path.Combine(source, icon), icon);
        }
        // Replaced at once, so an upload never picks up a half-written package.
        File.Move(temporary, output, overwrite: true);
        io.Out.WriteLine(Path.GetFullPath(output));
        return CliApp.Ok;
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "..." : s;
}
