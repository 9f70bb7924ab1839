using System.CommandLine;

namespace RecruiterBot.Cli.Commands;

/// <summary>
/// <c>slack-manifest --base-url https://bot.example.org</c>: prints the Slack app manifest
/// (<c>bot-manifest/slack/manifest.yml</c>) with the bot's public base URL filled in.
/// </summary>
internal static class SlackManifestCommand
{
    public const string Placeholder = "{{BASE_URL}}";

    /// <summary>The manifest template, copied next to the binary by the build.</summary>
    public static string TemplatePath => Path.Combine(AppContext.BaseDirectory, "bot-manifest", "slack", "manifest.yml");

    public static Command Create(CliIo io)
    {
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "The bot's public base URL, e.g. https://bot.example.org (Slack calls <base>/slack/events, /slack/commands, /slack/interactions)",
            Required = true,
        };
        var command = new Command("slack-manifest", "Print the Slack app manifest with the bot's public base URL filled in.");
        command.Options.Add(baseUrl);
        command.SetAction(parsed =>
        {
            if (ValidateBaseUrl(parsed.GetValue(baseUrl)) is not { } url)
            {
                io.Error.WriteLine("error: --base-url must be an absolute https URL without query or fragment (http only for localhost)");
                return CliApp.BadUsage;
            }
            if (!File.Exists(TemplatePath))
            {
                io.Error.WriteLine("error: manifest template not found: " + TemplatePath);
                return CliApp.Failed;
            }
            io.Out.Write(File.ReadAllText(TemplatePath).Replace(Placeholder, url, StringComparison.Ordinal));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The base URL as the manifest takes it (escaped, no trailing slash), or null when Slack could not call it.</summary>
    public static string? ValidateBaseUrl(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return null;
        var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        if (!secure || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0) return null;
        // AbsoluteUri is escaped, so nothing in it can break out of the quoted YAML string.
        return uri.AbsoluteUri.TrimEnd('/');
    }
}
