using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>
/// Renders Block Kit blocks (header, section, context, actions, divider) as HTML with Slack-like styling, so a message
/// can be looked at (and screenshotted) the way Slack shows it.
/// </summary>
public static partial class BlockKitHtml
{
    public static string Page(JsonArray blocks, string botName = "RecruiterBot")
    {
        var body = new StringBuilder();
        foreach (var block in blocks.OfType<JsonObject>()) body.Append(Block(block));
        return $$"""
            <!doctype html>
            <html><head><meta charset="utf-8"><style>
            body { margin: 0; background: #fff; font: 15px/1.46668 -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; }
            .msg { display: flex; gap: 8px; padding: 12px 20px; width: 640px; }
            .avatar { width: 36px; height: 36px; border-radius: 6px; background: #1d3557; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; flex: none; }
            .name { font-weight: 900; } .app { font-size: 10px; background: #e8e8e8; color: #616061; border-radius: 2px; padding: 1px 3px; margin-left: 4px; vertical-align: 2px; }
            .time { color: #616061; font-size: 12px; margin-left: 6px; } .note { color: #616061; font-size: 13px; }
            .header { font-size: 18px; font-weight: 900; margin: 6px 0 4px; }
            .section { margin: 4px 0; white-space: normal; } .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; }
            .context { display: flex; gap: 8px; color: #616061; font-size: 13px; margin: 4px 0; }
            .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
            .btn { border: 1px solid #cfcfcf; border-radius: 4px; padding: 0 12px; height: 28px; font: 700 13px/28px inherit; background: #fff; color: #1d1c1d; }
            .btn.primary { background: #007a5a; border-color: #007a5a; color: #fff; } .btn.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
            hr { border: 0; border-top: 1px solid #ddd; margin: 8px 0; }
            code { font: 12px Monaco, Menlo, Consolas, monospace; color: #e01e5a; background: #f8f8f8; border: 1px solid #e8e8e8; border-radius: 3px; padding: 1px 3px; }
            a { color: #1264a3; text-decoration: none; }
            </style></head><body>
            <div class="msg"><div class="avatar">RB</div><div>
            <div><span class="name">{{WebUtility.HtmlEncode(botName)}}</span><span class="app">APP</span><span class="time">10:42 AM</span></div>
            <div class="note">Only visible to you</div>
            {{body}}
            </div></div></body></html>
            """;
    }

    private static string Block(JsonObject block) => Str(block, "type") switch
    {
        "header" => $"<div class=\"header\">{Plain(block["text"])}</div>",
        "section" => $"<div class=\"section\">{Text(block["text"])}{Fields(block["fields"] as JsonArray)}</div>",
        "context" => $"<div class=\"context\">{string.Concat((block["elements"] as JsonArray ?? []).Select(e => $"<span>{Text(e)}</span>"))}</div>",
        "actions" => $"<div class=\"actions\">{string.Concat((block["elements"] as JsonArray ?? []).OfType<JsonObject>().Select(Button))}</div>",
        "divider" => "<hr>",
        var other => $"<div class=\"note\">[{WebUtility.HtmlEncode(other)} block]</div>",
    };

    private static string Fields(JsonArray? fields) =>
        fields is null ? "" : $"<div class=\"fields\">{string.Concat(fields.Select(f => $"<div>{Text(f)}</div>"))}</div>";

    private static string Button(JsonObject button) =>
        $"<button class=\"btn {WebUtility.HtmlEncode(Str(button, "style") ?? "")}\">{Plain(button["text"])}</button>";

    private static string Plain(JsonNode? text) => WebUtility.HtmlEncode(text is JsonObject o ? Str(o, "text") ?? "" : "");

    /// <summary>mrkdwn as Slack shows it. Its text is already escaped for Slack (&amp;amp; &amp;lt; &amp;gt;), which HTML reads the same way.</summary>
    private static string Text(JsonNode? node)
    {
        if (node is not JsonObject o) return "";
        if (Str(o, "type") == "plain_text") return Plain(o);
        var s = (Str(o, "text") ?? "").Replace("\"", "&quot;");
        s = Link().Replace(s, m => $"<a href=\"{m.Groups[1].Value}\">{(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value)}</a>");
        s = Code().Replace(s, "<code>$1</code>");
        s = Bold().Replace(s, "$1<b>$2</b>");
        s = Italic().Replace(s, "$1<i>$2</i>");
        return s.Replace("\n", "<br>");
    }

    [GeneratedRegex(@"<(https?://[^|>]+)(?:\|([^>]+))?>")] private static partial Regex Link();
    [GeneratedRegex(@"`([^`\n]+)`")] private static partial Regex Code();
    [GeneratedRegex(@"(^|[\s(])\*([^*\n]+)\*")] private static partial Regex Bold();
    [GeneratedRegex(@"(^|[\s(])_([^_\n]+)_")] private static partial Regex Italic();

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
