using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>The Block Kit limits Slack enforces (protocols.md §5.8), checked on every message the bot sends.</summary>
public static class SlackBlockKitRules
{
    public const int MaxMessageBlocks = 50;
    public const int MaxViewBlocks = 100;

    public static List<string> Check(JsonArray blocks, int maxBlocks)
    {
        var problems = new List<string>();
        if (blocks.Count == 0) problems.Add("no blocks");
        if (blocks.Count > maxBlocks) problems.Add($"{blocks.Count} blocks (max {maxBlocks})");
        for (var i = 0; i < blocks.Count; i++)
        {
            var at = $"blocks[{i}]";
            if (blocks[i] is not JsonObject block) { problems.Add(at + " is not an object"); continue; }
            if (Str(block, "block_id") is { Length: > 255 }) problems.Add(at + ".block_id over 255");
            switch (Str(block, "type"))
            {
                case "section":
                    var text = block["text"] as JsonObject;
                    var fields = block["fields"] as JsonArray;
                    if (text is null && fields is null) problems.Add(at + " section without text or fields");
                    if (text is not null) Text(text, 1, 3000, at + ".text", problems);
                    if (fields is { Count: > 10 }) problems.Add(at + ".fields over 10");
                    foreach (var f in fields ?? []) if (f is JsonObject fo) Text(fo, 1, 2000, at + ".fields[]", problems);
                    break;
                case "header":
                    if (block["text"] is not JsonObject header || Str(header, "type") != "plain_text") problems.Add(at + ".text must be plain_text");
                    else Text(header, 1, 150, at + ".text", problems);
                    break;
                case "context":
                    if (block["elements"] is not JsonArray { Count: > 0 and <= 10 }) problems.Add(at + ".elements must be 1-10");
                    break;
                case "actions":
                    if (block["elements"] is not JsonArray { Count: > 0 and <= 25 } elements) { problems.Add(at + ".elements must be 1-25"); break; }
                    var ids = new HashSet<string>();
                    foreach (var e in elements)
                    {
                        if (e is not JsonObject button || Str(button, "type") != "button") continue;
                        if (button["text"] is not JsonObject label || Str(label, "type") != "plain_text") problems.Add(at + " button text must be plain_text");
                        else Text(label, 1, 75, at + " button text", problems);
                        var id = Str(button, "action_id");
                        if (id is { Length: > 255 }) problems.Add(at + " action_id over 255");
                        if (id is not null && !ids.Add(id)) problems.Add(at + " duplicate action_id " + id);
                        if (Str(button, "value") is { Length: > 2000 }) problems.Add(at + " button value over 2000");
                        if (Str(button, "style") is { } style && style is not ("primary" or "danger")) problems.Add(at + " button style " + style);
                    }
                    break;
                case "divider" or "image" or "rich_text" or "markdown" or "input":
                    break;
                default:
                    problems.Add(at + " unknown block type " + Str(block, "type"));
                    break;
            }
        }
        return problems;
    }

    private static void Text(JsonObject text, int min, int max, string at, List<string> problems)
    {
        if (Str(text, "type") is not ("plain_text" or "mrkdwn")) problems.Add(at + " has no text type");
        var length = Str(text, "text")?.Length ?? 0;
        if (length < min || length > max) problems.Add($"{at} is {length} characters (allowed {min}-{max})");
    }

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
