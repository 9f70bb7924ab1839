namespace RecruiterBot.Cards.Templating;

/// <summary>A template string split into literal text and <c>${...}</c> expressions, parsed once when a template is compiled.</summary>
internal sealed record TemplateText(IReadOnlyList<TemplateText.Part> Parts)
{
    /// <summary>A piece of the string: literal text, or an expression with its source as written (<c>${title}</c>).</summary>
    public sealed record Part(string Source, TemplateExpression? Expression);

    public bool HasExpressions => Parts.Any(p => p.Expression is not null);

    /// <summary>The string is exactly one expression, so its value keeps its JSON type (a list, a boolean, an object).</summary>
    public bool IsSingleExpression => Parts is [{ Expression: not null }];

    public static TemplateText Parse(string text)
    {
        var parts = new List<Part>();
        var literalStart = 0;
        var i = 0;
        while ((i = text.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            var end = ClosingBrace(text, i + 2);
            if (end < 0) break;
            if (i > literalStart) parts.Add(new Part(text[literalStart..i], null));
            parts.Add(new Part(text[i..(end + 1)], TemplateExpression.Parse(text[(i + 2)..end].Trim())));
            i = literalStart = end + 1;
        }
        if (literalStart < text.Length) parts.Add(new Part(text[literalStart..], null));
        return new TemplateText(parts);
    }

    // The '}' that ends the expression, skipping quoted strings; -1 when there is none.
    private static int ClosingBrace(string text, int from)
    {
        char? quote = null;
        for (var j = from; j < text.Length; j++)
        {
            var c = text[j];
            if (quote is { } q) { if (c == q) quote = null; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '}') return j;
        }
        return -1;
    }
}
