using System.Globalization;
using System.Text;

namespace RecruiterBot.Cards.Templating;

/// <summary>
/// One <c>${...}</c> expression of the Adaptive Cards Templating language, in the subset our templates use:
/// paths (<c>title</c>, <c>meaning.term</c>, <c>$root.x</c>, <c>$data</c>, <c>$index</c>), string, number, true/false/null
/// literals, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, comparisons, parentheses and the functions <c>count</c>, <c>exists</c>,
/// <c>empty</c>, <c>if</c>. Semantics follow adaptive-expressions (checked by the tests against the npm package).
/// </summary>
internal abstract record TemplateExpression
{
    public static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.Ordinal) { "count", "exists", "empty", "if" };

    public static TemplateExpression Parse(string source) => new Parser(source).ParseAll();

    /// <summary>The paths this expression reads, for checking them against the data's shape.</summary>
    public abstract IEnumerable<PathExpression> Paths();

    public abstract TemplateValue Evaluate(in TemplateScope scope);

    private sealed class Parser(string source)
    {
        private int _pos;

        public TemplateExpression ParseAll()
        {
            var e = Or();
            SkipSpace();
            if (_pos != source.Length) throw Error($"unexpected '{source[_pos]}'");
            return e;
        }

        private TemplateExpression Or()
        {
            var left = And();
            while (Accept("||")) left = new BinaryExpression("||", left, And());
            return left;
        }

        private TemplateExpression And()
        {
            var left = Comparison();
            while (Accept("&&")) left = new BinaryExpression("&&", left, Comparison());
            return left;
        }

        private TemplateExpression Comparison()
        {
            var left = Unary();
            foreach (var op in (string[])["==", "!=", ">=", "<=", ">", "<"])
                if (Accept(op)) return new BinaryExpression(op, left, Unary());
            return left;
        }

        private TemplateExpression Unary() => Accept("!") ? new NotExpression(Unary()) : Primary();

        private TemplateExpression Primary()
        {
            SkipSpace();
            if (_pos >= source.Length) throw Error("unexpected end");
            var c = source[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = Or();
                Expect(")");
                return inner;
            }
            if (c is '\'' or '"') return new LiteralExpression(TemplateValue.Of(ReadString(c)));
            if (char.IsAsciiDigit(c)) return Number();
            if (c == '$' || char.IsAsciiLetter(c) || c == '_')
            {
                var name = Identifier();
                if (name is "true" or "false") return new LiteralExpression(TemplateValue.Of(name == "true"));
                if (name == "null") return new LiteralExpression(TemplateValue.Null);
                SkipSpace();
                if (_pos < source.Length && source[_pos] == '(')
                {
                    if (!Functions.Contains(name)) throw Error($"unknown function '{name}' (supported: {string.Join(", ", Functions)})");
                    _pos++;
                    var arguments = new List<TemplateExpression> { Or() };
                    while (Accept(",")) arguments.Add(Or());
                    Expect(")");
                    var expected = name == "if" ? 3 : 1;
                    if (arguments.Count != expected) throw Error($"{name}() takes {expected} argument(s)");
                    return new CallExpression(name, arguments);
                }
                var segments = new List<string> { name };
                while (_pos < source.Length && source[_pos] == '.')
                {
                    _pos++;
                    segments.Add(Identifier());
                }
                return new PathExpression(segments);
            }
            throw Error($"unexpected '{c}'");
        }

        private TemplateExpression Number()
        {
            var start = _pos;
            while (_pos < source.Length && char.IsAsciiDigit(source[_pos])) _pos++;
            return new LiteralExpression(TemplateValue.Of(long.Parse(source.AsSpan(start, _pos - start), CultureInfo.InvariantCulture)));
        }

        private string Identifier()
        {
            var start = _pos;
            if (_pos < source.Length && source[_pos] == '$') _pos++;
            while (_pos < source.Length && (char.IsAsciiLetterOrDigit(source[_pos]) || source[_pos] == '_')) _pos++;
            if (_pos == start || source[start..(_pos)] == "$") throw Error("expected a name");
            return source[start.._pos];
        }

        private string ReadString(char quote)
        {
            _pos++;
            var sb = new StringBuilder();
            while (_pos < source.Length && source[_pos] != quote) sb.Append(source[_pos++]);
            if (_pos >= source.Length) throw Error("unterminated string");
            _pos++;
            return sb.ToString();
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(source, _pos, token, 0, token.Length) != 0) return false;
            // "!" must not swallow the first character of "!=".
            if (token == "!" && _pos + 1 < source.Length && source[_pos + 1] == '=') return false;
            if (token is ">" or "<" && _pos + 1 < source.Length && source[_pos + 1] == '=') return false;
            _pos += token.Length;
            return true;
        }

        private void Expect(string token)
        {
            if (!Accept(token)) throw Error($"expected '{token}'");
        }

        private void SkipSpace()
        {
            while (_pos < source.Length && char.IsWhiteSpace(source[_pos])) _pos++;
        }

        private TemplateException Error(string what) => new($"in ${{{source}}}: {what} at position {_pos}");
    }
}

internal sealed record LiteralExpression(TemplateValue Value) : TemplateExpression
{
    public override IEnumerable<PathExpression> Paths() => [];
    public override TemplateValue Evaluate(in TemplateScope scope) => Value;
}

internal sealed record PathExpression : TemplateExpression
{
    private readonly PathSegment[] _segments;

    public PathExpression(IReadOnlyList<string> segments)
    {
        Segments = segments;
        _segments = [.. segments.Select(s => new PathSegment(s))];
    }

    public IReadOnlyList<string> Segments { get; }

    public override IEnumerable<PathExpression> Paths() => [this];

    public override TemplateValue Evaluate(in TemplateScope scope)
    {
        TemplateValue current;
        var start = 1;
        switch (Segments[0])
        {
            case "$root": current = scope.Root; break;
            case "$data": current = scope.Data; break;
            case "$index": current = scope.Index is { } i ? TemplateValue.Of(i) : TemplateValue.Undefined; break;
            default: current = scope.Data; start = 0; break;
        }
        for (var i = start; i < _segments.Length && current.IsDefined; i++) current = current.Field(_segments[i]);
        return current;
    }

    public override string ToString() => string.Join('.', Segments);
}

/// <summary>A field name in a path, ready for both kinds of data: in UTF-8, to compare with JSON data as it is stored,
/// and with the field it last named in typed data (a path in a template nearly always reads the same type).</summary>
internal sealed class PathSegment(string name)
{
    private Lookup? _last;

    public string Name { get; } = name;

    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(name);

    /// <summary>The field of that name in <paramref name="shape"/>, or null when it has none.</summary>
    public DataField? In(DataShape.Object shape)
    {
        // A reference to an immutable pair: threads binding at once read one pair or another, never half of one.
        if (_last is { } last && ReferenceEquals(last.Shape, shape)) return last.Field;
        var field = shape.Fields.GetValueOrDefault(Name);
        _last = new Lookup(shape, field);
        return field;
    }

    private sealed record Lookup(DataShape.Object Shape, DataField? Field);
}

internal sealed record NotExpression(TemplateExpression Operand) : TemplateExpression
{
    public override IEnumerable<PathExpression> Paths() => Operand.Paths();
    public override TemplateValue Evaluate(in TemplateScope scope) => TemplateValue.Of(!Operand.Evaluate(scope).IsLogicTrue);
}

internal sealed record CallExpression(string Name, IReadOnlyList<TemplateExpression> Arguments) : TemplateExpression
{
    public override IEnumerable<PathExpression> Paths() => Arguments.SelectMany(a => a.Paths());

    public override TemplateValue Evaluate(in TemplateScope scope)
    {
        if (Name == "if") return Arguments[0].Evaluate(scope).IsLogicTrue ? Arguments[1].Evaluate(scope) : Arguments[2].Evaluate(scope);
        var v = Arguments[0].Evaluate(scope);
        return Name switch
        {
            "exists" => TemplateValue.Of(!v.IsNullOrUndefined),
            "empty" => TemplateValue.Of(v.IsEmpty),
            "count" => TemplateValue.Of(v.Count),
            _ => throw new TemplateException($"unknown function {Name}"),
        };
    }
}

internal sealed record BinaryExpression(string Operator, TemplateExpression Left, TemplateExpression Right) : TemplateExpression
{
    public override IEnumerable<PathExpression> Paths() => Left.Paths().Concat(Right.Paths());

    public override TemplateValue Evaluate(in TemplateScope scope)
    {
        var left = Left.Evaluate(scope);
        bool result = Operator switch
        {
            "&&" => left.IsLogicTrue && Right.Evaluate(scope).IsLogicTrue,
            "||" => left.IsLogicTrue || Right.Evaluate(scope).IsLogicTrue,
            "==" => TemplateValue.AreEqual(left, Right.Evaluate(scope)),
            "!=" => !TemplateValue.AreEqual(left, Right.Evaluate(scope)),
            _ => Compare(left, Right.Evaluate(scope)),
        };
        return TemplateValue.Of(result);
    }

    private bool Compare(TemplateValue left, TemplateValue right)
    {
        if (left.AsNumber() is not { } l || right.AsNumber() is not { } r)
            throw new TemplateException($"'{Operator}' compares numbers, got {left} and {right}");
        return Operator switch { ">" => l > r, "<" => l < r, ">=" => l >= r, _ => l <= r };
    }
}
