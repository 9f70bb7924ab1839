using System.Text.Json;
using System.Text.Json.Nodes;
using RecruiterBot.Cards.Data;

namespace RecruiterBot.Cards.Templating;

/// <summary>
/// The card templates of a <c>cards/</c> folder, loaded, checked and compiled once: <c>adaptive/&lt;kind&gt;.json</c> (Adaptive
/// Card 1.5 for Teams and the web chat) and <c>slack/&lt;kind&gt;.json</c> (Block Kit), one per answer kind of
/// <see cref="CardData.Kinds"/>, with sample data beside them (<c>&lt;kind&gt;.data.json</c>, not copied to the output).
/// </summary>
public sealed class CardTemplates
{
    public const string Adaptive = "adaptive";
    public const string Slack = "slack";
    public static readonly IReadOnlyList<string> Formats = [Adaptive, Slack];

    /// <summary>The folder the build copies the templates to, next to the binaries.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "cards");

    // What each kind's data type lets templates read: checked against, and bound through.
    private static readonly Dictionary<string, DataShape.Object> Shapes = CardData.Kinds.ToDictionary(k => k.Key,
        k => (DataShape.Object)DataShape.Of(k.Value, CardDataJson.Default.Options), StringComparer.Ordinal);

    private readonly Dictionary<(string Format, string Kind), JsonNode> _templates;
    private readonly Dictionary<(string Format, string Kind), CompiledTemplate> _compiled;

    private CardTemplates(string folder, Dictionary<(string Format, string Kind), JsonNode> templates)
    {
        Folder = folder;
        _templates = templates;
        _compiled = templates.ToDictionary(t => t.Key, t => CompiledTemplate.Compile(t.Value));
    }

    public string Folder { get; }

    /// <summary>Loads every template, or throws <see cref="TemplateException"/> listing every problem.</summary>
    public static CardTemplates Load(string folder)
    {
        var (templates, problems) = Read(folder);
        if (problems.Count > 0)
            throw new TemplateException($"card templates in {folder}: {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
        return new CardTemplates(folder, templates);
    }

    /// <summary>Every problem of a cards folder: templates that are missing, not JSON, or name unknown fields; and,
    /// when <paramref name="withSamples"/>, sample data that is missing or does not bind cleanly. Empty when all is well.</summary>
    public static IReadOnlyList<string> Check(string folder, bool withSamples = true)
    {
        var (templates, problems) = Read(folder);
        if (!withSamples) return problems;
        foreach (var ((format, kind), template) in templates)
        {
            var key = $"{format}/{kind}";
            var samplePath = Path.Combine(folder, key + ".data.json");
            if (!File.Exists(samplePath))
            {
                problems.Add($"{key}.json: no sample data ({key}.data.json)");
                continue;
            }
            try
            {
                var sample = JsonNode.Parse(File.ReadAllText(samplePath));
                var bound = TemplateEngine.Expand(template, sample)?.ToJsonString() ?? "null";
                if (bound.Contains("${", StringComparison.Ordinal))
                    problems.Add($"{key}.data.json: binding left a ${{...}} unresolved (a field missing from the sample data?)");
            }
            catch (Exception e) when (e is JsonException or TemplateException)
            {
                problems.Add($"{key}.data.json: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>The template of an answer kind in a format (<see cref="Adaptive"/> or <see cref="Slack"/>).</summary>
    public JsonNode Get(string format, string kind) =>
        _templates.TryGetValue((format, kind), out var t) ? t : throw new ArgumentException($"no {format} template for {kind}");

    /// <summary>Binds a template with its data: a fresh JSON object, the template is not changed.</summary>
    public JsonObject Bind(string format, BoundData data) => ToObject(Write(format, data), format, data.Kind);

    internal static JsonObject ToObject(ReadOnlySpan<byte> json, string format, string kind) =>
        BoundJson.ToObject(json) ?? throw new TemplateException($"{format}/{kind}.json did not bind to an object");

    /// <summary><see cref="Bind"/> as UTF-8 JSON, without building the JSON object: written into the thread's scratch
    /// buffer, so the bytes hold until the next write on this thread. Throws when it did not bind to an object.</summary>
    internal ReadOnlySpan<byte> Write(string format, BoundData data)
    {
        if (!_compiled.TryGetValue((format, data.Kind), out var template)) throw new ArgumentException($"no {format} template for {data.Kind}");
        var shape = Shapes[data.Kind];
        if (data.Value.GetType() != shape.Info!.Type)
            throw new ArgumentException($"{data.Kind} data is a {data.Value.GetType().Name}, not a {shape.Info.Type.Name}", nameof(data));
        var writer = ScratchWriter.Start();
        template.Bind(TemplateValue.Of(data.Value, shape), writer);
        var json = ScratchWriter.Written(writer);
        return json is [(byte)'{', ..] ? json : throw new TemplateException($"{format}/{data.Kind}.json did not bind to an object");
    }

    private static (Dictionary<(string Format, string Kind), JsonNode> Templates, List<string> Problems) Read(string folder)
    {
        var templates = new Dictionary<(string Format, string Kind), JsonNode>();
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            problems.Add($"{folder}: the cards folder does not exist");
            return (templates, problems);
        }
        foreach (var format in Formats)
        {
            var formatFolder = Path.Combine(folder, format);
            if (Directory.Exists(formatFolder))
                foreach (var file in Directory.EnumerateFiles(formatFolder, "*.json").Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(file);
                    if (!name.EndsWith(".data.json", StringComparison.Ordinal) && !CardData.Kinds.ContainsKey(Path.GetFileNameWithoutExtension(name)))
                        problems.Add($"{format}/{name}: not a known answer kind ({string.Join(", ", CardData.Kinds.Keys)})");
                }
            foreach (var kind in CardData.Kinds.Keys)
            {
                var key = $"{format}/{kind}";
                var path = Path.Combine(folder, format, kind + ".json");
                if (!File.Exists(path))
                {
                    problems.Add($"{key}.json: missing");
                    continue;
                }
                JsonNode? template;
                try { template = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow }); }
                catch (JsonException e)
                {
                    problems.Add($"{key}.json: not valid JSON: {e.Message}");
                    continue;
                }
                if (template is not JsonObject)
                {
                    problems.Add($"{key}.json: must be a JSON object");
                    continue;
                }
                problems.AddRange(TemplateChecker.Check(template, Shapes[kind]).Select(p => $"{key}.json: {p}"));
                problems.AddRange(FormatProblems(format, template).Select(p => $"{key}.json: {p}"));
                templates[(format, kind)] = template;
            }
        }
        return (templates, problems);
    }

    private static IEnumerable<string> FormatProblems(string format, JsonNode template)
    {
        if (format == Adaptive)
        {
            if (template["type"]?.GetValue<string>() != "AdaptiveCard") yield return "\"type\" must be \"AdaptiveCard\"";
            if (template["version"]?.GetValue<string>() != "1.5") yield return "\"version\" must be \"1.5\" (what Teams renders)";
        }
        else
        {
            if (template["text"] is null) yield return "needs a \"text\" fallback";
            if (template["blocks"] is not JsonArray) yield return "needs a \"blocks\" list";
        }
    }
}
