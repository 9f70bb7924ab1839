using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Templating;

/// <summary>
/// Expands a template written in the Adaptive Cards Templating language with its data, for the subset our card
/// templates use: <c>${...}</c> bindings (a whole-string binding keeps the value's JSON type), <c>$data</c> repetition
/// and scoping, <c>$when</c>, <c>$root</c>, <c>$index</c>. Matches the official <c>adaptivecards-templating</c> package on
/// these (the card tests run both and compare), including its quirks: a binding that names nothing is left as written,
/// a <c>$when</c> keeps an element only for the boolean <c>true</c>, and nulls are dropped from lists. A null inside a
/// longer text throws <see cref="TemplateException"/>. The work is done by <see cref="CompiledTemplate"/>.
/// </summary>
public static class TemplateEngine
{
    /// <summary>Compiles <paramref name="template"/> and binds it once; <see cref="CardTemplates"/> compiles each template only once.</summary>
    public static JsonNode? Expand(JsonNode template, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(template);
        var compiled = CompiledTemplate.Compile(template);
        // The binding reads the data in place, so the document lives until the card is written; then its pooled memory goes back.
        using var document = data is null ? null : JsonDocument.Parse(data.ToJsonString());
        var root = document is null ? TemplateValue.Null : TemplateValue.Of(document.RootElement);
        var writer = ScratchWriter.Start();
        compiled.Bind(root, writer);
        return JsonNode.Parse(ScratchWriter.Written(writer));
    }

    // An expression that fails (count() of a number, '<' on texts) is undefined, as in the templating language.
    internal static TemplateValue TryEvaluate(TemplateExpression expression, in TemplateScope scope)
    {
        try { return expression.Evaluate(scope); }
        catch (TemplateException) { return TemplateValue.Undefined; }
    }
}
