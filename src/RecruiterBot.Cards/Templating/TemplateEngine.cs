using System.Text;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Templating;

/// <summary>
/// Expands a template written in the Adaptive Cards Templating language with its data, for the subset our card
/// templates use: <c>${...}</c> bindings (a whole-string binding keeps the value's JSON type), <c>$data</c> repetition
/// and scoping, <c>$when</c>, <c>$root</c>, <c>$index</c>. Matches the official <c>adaptivecards-templating</c> package on
/// these (the card tests run both and compare), including its quirks: a binding that names nothing is left as written,
/// a <c>$when</c> keeps an element only for the boolean <c>true</c>, and nulls are dropped from lists.
/// </summary>
public static class TemplateEngine
{
    public static JsonNode? Expand(JsonNode template, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Node(template, new TemplateScope(data, data, null));
    }

    private static JsonNode? Node(JsonNode? node, TemplateScope scope) => node switch
    {
        JsonObject o => Single(o, scope),
        JsonArray a => List(a, scope),
        JsonValue v when v.TryGetValue<string>(out var s) => Text(s, scope),
        _ => node?.DeepClone(),
    };

    private static JsonArray List(JsonArray array, TemplateScope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject o)
                foreach (var instance in Instances(o, scope)) result.Add(instance);
            else if (Node(item, scope) is { } expanded)
                result.Add(expanded);
        }
        return result;
    }

    // An object outside a list: one instance, null when its $when is false, or a list when its $data is a list.
    private static JsonNode? Single(JsonObject o, TemplateScope scope)
    {
        if (o.TryGetPropertyValue("$data", out var dataNode) && Evaluate(dataNode, scope) is { Node: JsonArray })
            return new JsonArray([.. Instances(o, scope)]);
        return Instances(o, scope).FirstOrDefault();
    }

    private static IEnumerable<JsonObject> Instances(JsonObject o, TemplateScope scope)
    {
        if (!o.TryGetPropertyValue("$data", out var dataNode))
            return Instance(o, scope) is { } only ? [only] : [];
        var data = Evaluate(dataNode, scope);
        if (!data.IsDefined) return Instance(o, scope) is { } kept ? [kept] : [];
        if (data.Node is JsonArray items)
            return items.Select((item, i) => Instance(o, new TemplateScope(scope.Root, item, i))).OfType<JsonObject>().ToList();
        return Instance(o, new TemplateScope(scope.Root, data.Node, null)) is { } one ? [one] : [];
    }

    private static JsonObject? Instance(JsonObject o, TemplateScope scope)
    {
        if (o.TryGetPropertyValue("$when", out var when) && !Evaluate(when, scope).IsTrue) return null;
        var result = new JsonObject();
        foreach (var (name, value) in o)
        {
            if (name is "$data" or "$when") continue;
            result[name] = Node(value, scope);
        }
        return result;
    }

    // $data and $when: a "${...}" string is evaluated; an error counts as undefined (the element's $when is then false).
    private static TemplateValue Evaluate(JsonNode? node, TemplateScope scope)
    {
        if (node is not JsonValue v || !v.TryGetValue<string>(out var s)) return TemplateValue.Of(node?.DeepClone());
        var text = TemplateText.Parse(s);
        if (!text.IsSingleExpression) return TemplateValue.Undefined;
        try { return text.Parts[0].Expression!.Evaluate(scope); }
        catch (TemplateException) { return TemplateValue.Undefined; }
    }

    private static JsonNode? Text(string s, TemplateScope scope)
    {
        var text = TemplateText.Parse(s);
        if (!text.HasExpressions) return JsonValue.Create(s);
        if (text.IsSingleExpression)
        {
            var value = TryEvaluate(text.Parts[0].Expression!, scope);
            return value.IsDefined ? value.Node?.DeepClone() : JsonValue.Create(s);
        }
        var sb = new StringBuilder();
        foreach (var part in text.Parts)
        {
            if (part.Expression is null) { sb.Append(part.Source); continue; }
            var value = TryEvaluate(part.Expression, scope);
            if (!value.IsDefined) sb.Append(part.Source);
            else if (value.Node is null) throw new TemplateException($"{part.Source} is null inside the text \"{s}\"; guard it with $when");
            else sb.Append(value.ToText());
        }
        return JsonValue.Create(sb.ToString());
    }

    private static TemplateValue TryEvaluate(TemplateExpression expression, TemplateScope scope)
    {
        try { return expression.Evaluate(scope); }
        catch (TemplateException) { return TemplateValue.Undefined; }
    }
}
