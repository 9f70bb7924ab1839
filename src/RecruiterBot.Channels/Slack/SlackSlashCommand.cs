using Microsoft.Extensions.Primitives;

namespace RecruiterBot.Channels.Slack;

/// <summary>A slash command as Slack POSTs it (form-encoded): <c>/recruiter what is celery</c>.</summary>
/// <remarks>https://api.slack.com/interactivity/slash-commands#app_command_handling</remarks>
public sealed record SlackSlashCommand(string TeamId, string ChannelId, string UserId, string Command, string Text, string? ResponseUrl, string? TriggerId)
{
    /// <summary>Reads the form; null and the reason when a field the bot needs is missing.</summary>
    public static (SlackSlashCommand? Command, string? Error) FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        string? Field(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v[0] : null;
        var team = Field("team_id");
        var channel = Field("channel_id");
        var user = Field("user_id");
        var command = Field("command");
        var missing = new[] { ("team_id", team), ("channel_id", channel), ("user_id", user), ("command", command) }
            .Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        if (missing.Count > 0) return (null, "slash command form is missing " + string.Join(", ", missing));
        return (new SlackSlashCommand(team!, channel!, user!, command!, Field("text") ?? "", Field("response_url"), Field("trigger_id")), null);
    }

    /// <summary>
    /// What the turn reads: <c>read &lt;snippet&gt;</c> is a resume, <c>question [category]</c> an interview question,
    /// <c>help</c> (or nothing) help, anything else a question.
    /// </summary>
    public string MessageText()
    {
        var text = Text.Trim();
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var verb = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        return verb switch
        {
            "" or "help" when rest.Length == 0 => "help",
            "read" => "resume: " + rest,
            "question" => ("interview question " + rest).TrimEnd(),
            _ => text,
        };
    }
}
