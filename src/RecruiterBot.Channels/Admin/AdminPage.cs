using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Channels.Admin;

/// <summary>
/// The admin HTML, drawn on the server: inline CSS and SVG charts, no script, nothing loaded from elsewhere (works
/// offline). Every piece of data is encoded: unanswered questions are what users typed.
/// </summary>
internal static class AdminPage
{
    private static readonly string[] Palette = ["#2f6fb3", "#e07b39", "#3a9d5d", "#8e5ab5", "#c94f4f", "#6b7b8c"];

    public static string SignIn(string? error) => Layout("Sign in", $"""
        <h1>RecruiterBot admin</h1>
        <form method="post" action="/admin/sign-in" class="card">
          <label for="token">Admin token</label>
          <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
          <button type="submit">Sign in</button>
          {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
        </form>
        <p class="muted">The token is the <code>Admin:Token</code> setting. Scripts send it as <code>Authorization: Bearer</code> to <code>/admin/stats.json</code>.</p>
        """);

    public static string Error(string message) => Layout("Error", $"""
        <h1>RecruiterBot admin</h1><p class="error" role="alert">{E(message)}</p><p><a href="/admin">Back</a></p>
        """);

    public static string Dashboard(QuestionStats stats, int days, DateTimeOffset now, KnowledgeBase knowledge)
    {
        var unanswered = stats.Intents.FirstOrDefault(i => i.Name == "unknown")?.Count ?? 0;
        var html = new StringBuilder();
        html.Append($"""
            <header><h1>Questions in the last {days} days</h1>
            <nav>{string.Join(" ", new[] { 7, 30, 90 }.Select(d => d == days ? $"<strong>{d} days</strong>" : $"<a href=\"/admin?days={d}\">{d} days</a>"))}
            · <a href="/admin/stats.json?days={days}">JSON</a>
            <form method="post" action="/admin/sign-out" class="inline"><button type="submit">Sign out</button></form></nav></header>
            <p class="summary"><strong>{stats.Total}</strong> questions, <strong>{unanswered}</strong> unanswered ({Percent(unanswered, stats.Total)}), since {stats.Since:yyyy-MM-dd} (UTC).</p>
            """);
        var channels = stats.PerChannel.Select(c => c.Name).ToList();
        html.Append("<section><h2>Per day</h2>").Append(DayChart(stats, days, now, channels)).Append(Legend(channels)).Append("</section>");
        html.Append("<div class=\"columns\"><section><h2>Per channel</h2>").Append(Bars(stats.PerChannel, stats.Total, channels))
            .Append("</section><section><h2>Intent mix</h2>").Append(Bars(stats.Intents, stats.Total, null)).Append("</section></div>");

        html.Append($"<section><h2>Top {QuestionStats.TopEntryLimit} asked entries</h2>");
        if (stats.TopEntries.Count == 0) html.Append("<p class=\"muted\">No answered questions yet.</p>");
        else
        {
            var max = stats.TopEntries.Max(e => e.Count);
            html.Append("<table><thead><tr><th>#</th><th>Entry</th><th>Kind</th><th class=\"num\">Asked</th><th></th></tr></thead><tbody>");
            foreach (var (entry, rank) in stats.TopEntries.Select((e, i) => (e, i + 1)))
                html.Append($"<tr><td>{rank}</td><td>{EntryCell(knowledge, entry)}</td><td>{E(entry.Kind)}</td><td class=\"num\">{entry.Count}</td><td>{Meter(entry.Count, max)}</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("</section>");

        html.Append("<section><h2>Latest unanswered questions</h2><p class=\"muted\">Add an alias or a glossary term for the ones that belong in the guide.</p>");
        if (stats.Unanswered.Count == 0) html.Append("<p class=\"muted\">None: every question found an answer.</p>");
        else
        {
            html.Append("<table><thead><tr><th>Question</th><th class=\"num\">Times</th><th>Last asked (UTC)</th></tr></thead><tbody>");
            foreach (var q in stats.Unanswered)
                html.Append($"<tr><td class=\"question\">{E(q.Question)}</td><td class=\"num\">{q.Count}</td><td>{q.LastAsked:yyyy-MM-dd HH:mm}</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
        return Layout("Questions", html.ToString());
    }

    private static string DayChart(QuestionStats stats, int days, DateTimeOffset now, IReadOnlyList<string> channels)
    {
        const int width = 760, height = 180, top = 10, bottom = 24, left = 36;
        var first = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - days);
        var byDay = stats.PerDay.ToLookup(d => d.Day);
        var max = Math.Max(1, Enumerable.Range(0, days).Max(i => byDay[first.AddDays(i)].Sum(d => d.Count)));
        var slot = (width - left) / (double)days;
        var plot = height - top - bottom;
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Questions per day\" class=\"chart\">");
        svg.Append($"<text x=\"{left - 6}\" y=\"{top + 8}\" text-anchor=\"end\">{max}</text><text x=\"{left - 6}\" y=\"{height - bottom}\" text-anchor=\"end\">0</text>");
        svg.Append($"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width}\" y2=\"{height - bottom}\" class=\"axis\"/>");
        var labelEvery = Math.Max(1, (int)Math.Ceiling(days / 10.0));
        for (var i = 0; i < days; i++)
        {
            var day = first.AddDays(i);
            var x = left + i * slot;
            var y = (double)(height - bottom);
            foreach (var part in byDay[day].OrderBy(d => channels.IndexOf(d.Channel)))
            {
                var h = part.Count * plot / (double)max;
                y -= h;
                svg.Append($"<rect x=\"{F(x + slot * 0.1)}\" y=\"{F(y)}\" width=\"{F(slot * 0.8)}\" height=\"{F(h)}\" fill=\"{Color(channels, part.Channel)}\"><title>{day:yyyy-MM-dd} {E(part.Channel)}: {part.Count}</title></rect>");
            }
            if (i % labelEvery == 0) svg.Append($"<text x=\"{F(x + slot / 2)}\" y=\"{height - 6}\" text-anchor=\"middle\">{day:MM-dd}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Bars(IReadOnlyList<NamedCount> rows, long total, IReadOnlyList<string>? colorsBy)
    {
        if (rows.Count == 0) return "<p class=\"muted\">No questions yet.</p>";
        const int width = 360, row = 24, label = 110;
        var max = Math.Max(1, rows.Max(r => r.Count));
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {width} {rows.Count * row}\" role=\"img\" class=\"chart\">");
        foreach (var (r, i) in rows.Select((r, i) => (r, i)))
        {
            var w = r.Count * (width - label - 90) / (double)max;
            var fill = colorsBy is null ? Palette[0] : Color(colorsBy, r.Name);
            svg.Append($"<text x=\"{label - 6}\" y=\"{i * row + 16}\" text-anchor=\"end\">{E(r.Name)}</text>")
               .Append($"<rect x=\"{label}\" y=\"{i * row + 4}\" width=\"{F(w)}\" height=\"{row - 8}\" fill=\"{fill}\"/>")
               .Append($"<text x=\"{F(label + w + 6)}\" y=\"{i * row + 16}\">{r.Count} ({Percent(r.Count, total)})</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Legend(IReadOnlyList<string> channels) =>
        "<p class=\"legend\">" + string.Join(" ", channels.Select(c => $"<span><i style=\"background:{Color(channels, c)}\"></i>{E(c)}</span>")) + "</p>";

    private static string Meter(long count, long max) =>
        $"<span class=\"meter\"><i style=\"width:{F(100.0 * count / Math.Max(1, max))}%\"></i></span>";

    private static string EntryCell(KnowledgeBase knowledge, EntryCount entry)
    {
        var title = entry.Kind switch
        {
            EntryRef.Skill => knowledge.FindSkill(entry.Id)?.Title,
            EntryRef.Glossary => knowledge.FindGlossary(entry.Id)?.Term,
            EntryRef.Interview => knowledge.FindCheck(entry.Id)?.Question,
            _ => null,
        };
        return title is null || string.Equals(title, entry.Id, StringComparison.OrdinalIgnoreCase)
            ? E(entry.Id)
            : $"{E(title)} <span class=\"muted\">{E(entry.Id)}</span>";
    }

    private static string Color(IReadOnlyList<string> channels, string channel) => Palette[Math.Max(0, channels.IndexOf(channel)) % Palette.Length];

    private static string Percent(long part, long total) => total == 0 ? "0%" : (100.0 * part / total).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }

    private static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · RecruiterBot admin</title>
        <style>
          body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 900px; padding: 1rem 1.5rem; color: #1d2733; }
          header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .5rem; }
          h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
          .muted { color: #66717d; } .error { color: #b3261e; font-weight: 600; }
          .card { display: grid; gap: .5rem; max-width: 320px; padding: 1rem; border: 1px solid #d5dbe1; border-radius: 8px; }
          input, button { font: inherit; padding: .35rem .6rem; } .inline { display: inline; }
          .chart { width: 100%; height: auto; font-size: 11px; fill: #1d2733; } .chart .axis { stroke: #9aa5b1; }
          .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1.5rem; }
          .legend span { margin-right: 1rem; } .legend i { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border-radius: 2px; }
          table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e3e8ee; vertical-align: top; }
          .num { text-align: right; } .question { word-break: break-word; }
          .meter { display: inline-block; width: 120px; height: .7em; background: #eef2f6; } .meter i { display: block; height: 100%; background: #2f6fb3; }
        </style></head>
        <body>{{body}}</body></html>
        """;
}
