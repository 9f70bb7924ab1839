using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Templating;

/// <summary>
/// Checks a template against the shape of its data: every <c>${...}</c> parses in the supported subset and names a
/// field the data has, in the scope where it is used (inside <c>$data</c> the scope is the list item); <c>$index</c>
/// only inside a repetition.
/// </summary>
internal static class TemplateChecker
{
    public static IReadOnlyList<string> Check(JsonNode template, DataShape root)
    {
        var problems = new List<string>();
        Walk(template, new Scope(root, root, InRepeat: false), "$", problems);
        return problems;
    }

    private sealed record Scope(DataShape Root, DataShape Data, bool InRepeat);

    private static void Walk(JsonNode? node, Scope scope, string at, List<string> problems)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.TryGetPropertyValue("$data", out var data))
                    scope = DataScope(data, scope, at + ".$data", problems) ?? scope;
                foreach (var (name, value) in o)
                {
                    if (name == "$data") continue;
                    if (name == "$when" && value is not JsonValue) problems.Add($"{at}.$when: must be a \"${{...}}\" text");
                    Walk(value, scope, $"{at}.{name}", problems);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(a[i], scope, $"{at}[{i}]", problems);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (Parse(s, at, problems) is { } text)
                    foreach (var path in text.Parts.Where(p => p.Expression is not null).SelectMany(p => p.Expression!.Paths()))
                        Resolve(path, scope, at, problems);
                break;
        }
    }

    private static Scope? DataScope(JsonNode? data, Scope scope, string at, List<string> problems)
    {
        if (data is not JsonValue v || !v.TryGetValue<string>(out var s) || Parse(s, at, problems) is not { IsSingleExpression: true } text)
        {
            problems.Add($"{at}: must be a single \"${{path}}\" naming a list or an object");
            return null;
        }
        if (text.Parts[0].Expression is not PathExpression path)
        {
            problems.Add($"{at}: {s} must name a field, not compute a value");
            return null;
        }
        return Resolve(path, scope, at, problems) switch
        {
            DataShape.List list => new Scope(scope.Root, list.Item, InRepeat: true),
            DataShape.Object obj => new Scope(scope.Root, obj, InRepeat: false),
            null => null,
            var other => Fail($"{at}: {s} is {other}, not a list or an object"),
        };

        Scope? Fail(string problem)
        {
            problems.Add(problem);
            return null;
        }
    }

    private static TemplateText? Parse(string s, string at, List<string> problems)
    {
        try { return TemplateText.Parse(s); }
        catch (TemplateException e)
        {
            problems.Add($"{at}: {e.Message}");
            return null;
        }
    }

    private static DataShape? Resolve(PathExpression path, Scope scope, string at, List<string> problems)
    {
        var segments = path.Segments;
        DataShape current;
        var start = 1;
        switch (segments[0])
        {
            case "$root": current = scope.Root; break;
            case "$data": current = scope.Data; break;
            case "$index":
                if (!scope.InRepeat) problems.Add($"{at}: ${{$index}} is only known inside a $data repetition");
                else if (segments.Count > 1) problems.Add($"{at}: ${{{path}}}: $index has no fields");
                return new DataShape.Value(null);
            default: current = scope.Data; start = 0; break;
        }
        for (var i = start; i < segments.Count; i++)
        {
            if (current is not DataShape.Object obj || !obj.Fields.TryGetValue(segments[i], out var next))
            {
                problems.Add($"{at}: ${{{path}}} names no known field ('{segments[i]}' is not in {current})");
                return null;
            }
            current = next.Shape;
        }
        return current;
    }
}
