using RecruiterBot.Core.Matching;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RecruiterBot.Core.Knowledge;

/// <summary>
/// Reads every <c>*.yaml</c> file of the knowledge folder (lists from several files are joined, so a new file can add
/// skills or terms) and validates the whole: every problem is reported with its file and line.
/// </summary>
public static class KnowledgeLoader
{
    public static readonly string[] LayerIds = ["ux", "application", "data", "delivery"];
    public static readonly string[] SignalIds = ["server-pairing", "browser-ui", "data-access", "shipped"];
    public static readonly string[] Sections = ["Front-End", "Back-End", "Data and Persistence", "Cloud Delivery and Operations"];
    public static readonly string[] Badges = ["Core", "Framework", "Cloud"];

    /// <summary>Loads and validates; throws <see cref="KnowledgeLoadException"/> listing every problem.</summary>
    public static KnowledgeBase LoadFolder(string folder)
    {
        var (kb, problems) = TryLoadFolder(folder);
        if (problems.Count > 0 || kb is null) throw new KnowledgeLoadException(problems);
        return kb;
    }

    /// <summary>Loads and validates, returning the problems instead of throwing (the <c>check</c> command).</summary>
    public static (KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeProblem> Problems) TryLoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return (null, [new KnowledgeProblem(folder, 0, "the knowledge folder does not exist (set Knowledge:Path)")]);
        var files = Directory.GetFiles(folder, "*.yaml").Concat(Directory.GetFiles(folder, "*.yml")).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            return (null, [new KnowledgeProblem(folder, 0, "no *.yaml knowledge file in the folder")]);
        return LoadTexts(files.Select(f => (f, File.ReadAllText(f))));
    }

    /// <summary>Loads from (file name, YAML text) pairs; the file names only label problems.</summary>
    public static (KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeProblem> Problems) LoadTexts(IEnumerable<(string File, string Yaml)> sources)
    {
        var reader = new Reader();
        foreach (var (file, yaml) in sources) reader.ReadFile(file, yaml);
        return reader.Build();
    }

    private sealed class Reader
    {
        private readonly List<KnowledgeProblem> _problems = [];
        private readonly List<(StackLayer Value, Loc At)> _layers = [];
        private readonly List<(ReadingSignal Value, Loc At)> _signals = [];
        private readonly List<(InterviewCategory Value, Loc At)> _categories = [];
        private readonly List<(SkillEntry Value, Loc At)> _skills = [];
        private readonly List<(GlossaryEntry Value, Loc At)> _glossary = [];
        private readonly List<(InterviewCheck Value, Loc At)> _checks = [];
        private readonly List<(OutsideTechnology Value, Loc At)> _outside = [];
        private string? _fullStackMeaning;

        private readonly record struct Loc(string File, int Line);

        private void Problem(Loc at, string message) => _problems.Add(new KnowledgeProblem(at.File, at.Line, message));

        private static Loc At(string file, YamlNode node) => new(file, (int)node.Start.Line);

        public void ReadFile(string file, string yaml)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                _problems.Add(new KnowledgeProblem(file, (int)e.Start.Line, "not valid YAML: " + e.InnerException?.Message ?? e.Message));
                return;
            }
            if (stream.Documents.Count == 0) { _problems.Add(new KnowledgeProblem(file, 1, "the file is empty")); return; }
            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Problem(At(file, stream.Documents[0].RootNode), "the top level must be a mapping (layers:, skills:, ...)");
                return;
            }
            foreach (var (keyNode, value) in root.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "fullStackMeaning": _fullStackMeaning = Scalar(file, value, key); break;
                    case "layers": foreach (var m in Items(file, value, key)) ReadLayer(file, m); break;
                    case "signals": foreach (var m in Items(file, value, key)) ReadSignal(file, m); break;
                    case "categories": foreach (var m in Items(file, value, key)) ReadCategory(file, m); break;
                    case "skills": foreach (var m in Items(file, value, key)) ReadSkill(file, m); break;
                    case "glossary": foreach (var m in Items(file, value, key)) ReadGlossary(file, m); break;
                    case "interview": foreach (var m in Items(file, value, key)) ReadCheck(file, m); break;
                    case "outsideGuide": foreach (var m in Items(file, value, key)) ReadOutside(file, m); break;
                    default: Problem(At(file, keyNode), $"unknown top-level key '{key}'"); break;
                }
            }
        }

        private IEnumerable<YamlMappingNode> Items(string file, YamlNode node, string key)
        {
            if (node is not YamlSequenceNode seq) { Problem(At(file, node), $"'{key}' must be a list"); yield break; }
            foreach (var item in seq.Children)
            {
                if (item is YamlMappingNode m) yield return m;
                else Problem(At(file, item), $"each item of '{key}' must be a mapping");
            }
        }

        private string? Scalar(string file, YamlNode node, string key)
        {
            if (node is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) return s.Value!.Trim();
            Problem(At(file, node), $"'{key}' must be non-empty text");
            return null;
        }

        /// <summary>A required text field; reports it missing at the item's line.</summary>
        private string Text(string file, YamlMappingNode item, string key, string what)
        {
            if (item.Children.TryGetValue(new YamlScalarNode(key), out var node)) return Scalar(file, node, $"{what}.{key}") ?? "";
            Problem(At(file, item), $"{what} is missing the required field '{key}'");
            return "";
        }

        private IReadOnlyList<string> List(string file, YamlMappingNode item, string key, string what, bool required = false)
        {
            if (!item.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                if (required) Problem(At(file, item), $"{what} is missing the required field '{key}'");
                return [];
            }
            if (node is YamlScalarNode { Value: null or "" }) return [];
            if (node is not YamlSequenceNode seq) { Problem(At(file, node), $"{what}.{key} must be a list"); return []; }
            var values = new List<string>();
            foreach (var child in seq.Children)
            {
                if (child is YamlScalarNode { Value: { Length: > 0 } v } && !string.IsNullOrWhiteSpace(v)) values.Add(v.Trim());
                else Problem(At(file, child), $"{what}.{key} items must be non-empty text");
            }
            return values;
        }

        private static readonly HashSet<string> LayerKeys = ["id", "number", "title", "subtitle", "technologies", "markers"];
        private static readonly HashSet<string> SkillKeys = ["id", "title", "section", "badge", "subtitle", "explanation", "recruiterNote", "layer", "aliases", "ambiguous", "related", "interviewCategories"];
        private static readonly HashSet<string> GlossaryKeys = ["id", "term", "meaning", "whyItMatters", "skill", "relation", "aliases"];
        private static readonly HashSet<string> CheckKeys = ["id", "category", "question", "strongAnswer", "skills"];
        private static readonly HashSet<string> SignalKeys = ["id", "title", "why"];
        private static readonly HashSet<string> CategoryKeys = ["id", "title"];
        private static readonly HashSet<string> OutsideKeys = ["id", "name", "aliases"];

        private void UnknownKeys(string file, YamlMappingNode item, HashSet<string> known, string what)
        {
            foreach (var key in item.Children.Keys)
                if (key is YamlScalarNode { Value: { } k } && !known.Contains(k))
                    Problem(At(file, key), $"{what} has an unknown field '{k}' (known: {string.Join(", ", known)})");
        }

        private string Id(string file, YamlMappingNode item, string what)
        {
            var id = Text(file, item, "id", what);
            if (id.Length > 0 && !IsSlug(id)) Problem(At(file, item), $"{what} id '{id}' must be lower-case letters, digits and hyphens");
            return id;
        }

        private static bool IsSlug(string id) => id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') && id[0] != '-' && id[^1] != '-';

        private void ReadLayer(string file, YamlMappingNode m)
        {
            UnknownKeys(file, m, LayerKeys, "layer");
            var id = Id(file, m, "layer");
            var numberText = Text(file, m, "number", $"layer '{id}'");
            if (!int.TryParse(numberText, out var number) && numberText.Length > 0) Problem(At(file, m), $"layer '{id}' number must be a whole number");
            MarkerGroup markers = new("", []);
            if (m.Children.TryGetValue(new YamlScalarNode("markers"), out var mk) && mk is YamlMappingNode markerNode)
                markers = new MarkerGroup(Text(file, markerNode, "title", $"layer '{id}' markers"), List(file, markerNode, "items", $"layer '{id}' markers", required: true));
            else Problem(At(file, m), $"layer '{id}' is missing the required field 'markers' (title and items)");
            _layers.Add((new StackLayer(id, number, Text(file, m, "title", $"layer '{id}'"), Text(file, m, "subtitle", $"layer '{id}'"),
                List(file, m, "technologies", $"layer '{id}'", required: true), markers), At(file, m)));
        }

        private void ReadSignal(string file, YamlMappingNode m)
        {
            UnknownKeys(file, m, SignalKeys, "signal");
            var id = Id(file, m, "signal");
            _signals.Add((new ReadingSignal(id, Text(file, m, "title", $"signal '{id}'"), Text(file, m, "why", $"signal '{id}'")), At(file, m)));
        }

        private void ReadCategory(string file, YamlMappingNode m)
        {
            UnknownKeys(file, m, CategoryKeys, "category");
            var id = Id(file, m, "category");
            _categories.Add((new InterviewCategory(id, Text(file, m, "title", $"category '{id}'")), At(file, m)));
        }

        private void ReadSkill(string file, YamlMappingNode m)
        {
            UnknownKeys(file, m, SkillKeys, "skill");
            var id = Id(file, m, "skill");
            var what = $"skill '{id}'";
            _skills.Add((new SkillEntry(id, Text(file, m, "title", what), Text(file, m, "section", what), Text(file, m, "badge", what),
                Text(file, m, "subtitle", what), Text(file, m, "explanation", what), Text(file, m, "recruiterNote", what),
                Text(file, m, "layer", what), Lower(List(file, m, "aliases", what)), Lower(List(file, m, "ambiguous", what)),
                List(file, m, "related", what), List(file, m, "interviewCategories", what, required: true)), At(file, m)));
        }

        private void ReadGlossary(string file, YamlMappingNode m)
        {
            UnknownKeys(file, m, GlossaryKeys, "glossary term");
            var id = Id(file, m, "glossary term");
            var what = $"glossary term '{id}'";
            var relationText = Text(file, m, "relation", what);
            var relation = GlossaryRelation.Same;
            if (relationText == "narrower") relation = GlossaryRelation.Narrower;
            else if (relationText != "same" && relationText.Length > 0) Problem(At(file, m), $"{what} relation must be 'same' or 'narrower', not '{relationText}'");
            _glossary.Add((new GlossaryEntry(id, Text(file, m, "term", what), Text(file, m, "meaning", what), Text(file, m, "whyItMatters", what),
                Text(file, m, "skill", what), relation, Lower(List(file, m, "aliases", what))), At(file, m)));
        }

        private void ReadCheck(string file, YamlMappingNode m)
        {
            UnknownKeys(file, m, CheckKeys, "interview check");
            var id = Id(file, m, "interview check");
            var what = $"interview check '{id}'";
            _checks.Add((new InterviewCheck(id, Text(file, m, "category", what), Text(file, m, "question", what), Text(file, m, "strongAnswer", what),
                List(file, m, "skills", what, required: true)), At(file, m)));
        }

        private void ReadOutside(string file, YamlMappingNode m)
        {
            UnknownKeys(file, m, OutsideKeys, "outsideGuide entry");
            var id = Id(file, m, "outsideGuide entry");
            var what = $"outsideGuide entry '{id}'";
            _outside.Add((new OutsideTechnology(id, Text(file, m, "name", what), Lower(List(file, m, "aliases", what))), At(file, m)));
        }

        private static IReadOnlyList<string> Lower(IReadOnlyList<string> values) => values.Select(v => v.ToLowerInvariant()).ToList();

        private void Unique<T>(List<(T Value, Loc At)> items, Func<T, string> id, string what)
        {
            var seen = new Dictionary<string, Loc>(StringComparer.Ordinal);
            foreach (var (value, at) in items)
            {
                var key = id(value);
                if (key.Length == 0) continue;
                if (seen.TryGetValue(key, out var first)) Problem(at, $"duplicate {what} id '{key}' (first defined at {first.File}:{first.Line})");
                else seen[key] = at;
            }
        }

        public (KnowledgeBase?, IReadOnlyList<KnowledgeProblem>) Build()
        {
            Unique(_layers, l => l.Id, "layer");
            Unique(_signals, s => s.Id, "signal");
            Unique(_categories, c => c.Id, "category");
            Unique(_skills, s => s.Id, "skill");
            Unique(_glossary, g => g.Id, "glossary term");
            Unique(_checks, c => c.Id, "interview check");
            Unique(_outside, o => o.Id, "outsideGuide entry");

            var layerIds = _layers.Select(l => l.Value.Id).ToHashSet();
            var skillIds = _skills.Select(s => s.Value.Id).ToHashSet();
            var categoryIds = _categories.Select(c => c.Value.Id).ToHashSet();
            foreach (var required in LayerIds.Where(l => !layerIds.Contains(l)))
                _problems.Add(new KnowledgeProblem("(all files)", 0, $"the layer '{required}' is missing"));
            foreach (var required in SignalIds.Where(s => !_signals.Any(x => x.Value.Id == s)))
                _problems.Add(new KnowledgeProblem("(all files)", 0, $"the reading signal '{required}' is missing"));
            if (_fullStackMeaning is null) _problems.Add(new KnowledgeProblem("(all files)", 0, "'fullStackMeaning' is missing"));

            foreach (var (s, at) in _skills)
            {
                if (s.Layer.Length > 0 && !layerIds.Contains(s.Layer)) Problem(at, $"skill '{s.Id}' names an unknown layer '{s.Layer}' (known: {string.Join(", ", layerIds)})");
                if (s.Section.Length > 0 && !Sections.Contains(s.Section)) Problem(at, $"skill '{s.Id}' names an unknown section '{s.Section}' (known: {string.Join(", ", Sections)})");
                if (s.Badge.Length > 0 && !Badges.Contains(s.Badge)) Problem(at, $"skill '{s.Id}' names an unknown badge '{s.Badge}' (known: {string.Join(", ", Badges)})");
                foreach (var r in s.Related.Where(r => !skillIds.Contains(r))) Problem(at, $"skill '{s.Id}' is related to an unknown skill '{r}'");
                foreach (var c in s.InterviewCategories.Where(c => !categoryIds.Contains(c))) Problem(at, $"skill '{s.Id}' names an unknown interview category '{c}'");
                foreach (var a in s.Ambiguous.Where(a => !s.Aliases.Contains(a) && !string.Equals(a, s.Title, StringComparison.OrdinalIgnoreCase)))
                    Problem(at, $"skill '{s.Id}' marks '{a}' ambiguous but it is not one of its aliases");
            }
            foreach (var (g, at) in _glossary)
                if (g.Skill.Length > 0 && !skillIds.Contains(g.Skill)) Problem(at, $"glossary term '{g.Id}' belongs to an unknown skill '{g.Skill}'");
            foreach (var (c, at) in _checks)
            {
                if (c.Category.Length > 0 && !categoryIds.Contains(c.Category)) Problem(at, $"interview check '{c.Id}' names an unknown category '{c.Category}'");
                foreach (var s in c.Skills.Where(s => !skillIds.Contains(s))) Problem(at, $"interview check '{c.Id}' names an unknown skill '{s}'");
            }
            foreach (var (c, at) in _categories)
                if (!_checks.Any(x => x.Value.Category == c.Id)) Problem(at, $"interview category '{c.Id}' has no interview check");

            CheckAliasesClaimedOnce();

            if (_problems.Count > 0) return (null, _problems);
            return (new KnowledgeBase(_fullStackMeaning!, _layers.Select(l => l.Value).OrderBy(l => l.Number).ToList(), _signals.Select(s => s.Value).ToList(),
                _categories.Select(c => c.Value).ToList(), _skills.Select(s => s.Value).ToList(), _glossary.Select(g => g.Value).ToList(),
                _checks.Select(c => c.Value).ToList(), _outside.Select(o => o.Value).ToList()), _problems);
        }

        // An alias (or title) that two entries claim would make the answer depend on file order: refuse it. Compared
        // under the matcher's own key, so "ci/cd" and "CI CD" are the same alias here as they are in chat.
        private void CheckAliasesClaimedOnce()
        {
            var owners = new Dictionary<string, (string Owner, Loc At)>(StringComparer.Ordinal);
            void Claim(string alias, string owner, Loc at, string? sharesWith = null)
            {
                var key = ChatText.Key(alias);
                if (key.Length == 0) return;
                if (owners.TryGetValue(key, out var first))
                {
                    if (first.Owner != owner && first.Owner != sharesWith) Problem(at, $"the alias '{alias}' is claimed by {first.Owner} and {owner}");
                }
                else owners[key] = (owner, at);
            }
            foreach (var (s, at) in _skills)
                foreach (var a in s.Aliases.Prepend(s.Title)) Claim(a, $"skill '{s.Id}'", at);
            foreach (var (g, at) in _glossary)
            {
                // A 'same' term speaks for its skill. A narrower term (Flask) may share its own skill's aliases:
                // chat answers with the term, a resume read counts the skill.
                var owner = g.Relation == GlossaryRelation.Same ? $"skill '{g.Skill}'" : $"glossary term '{g.Id}'";
                foreach (var a in g.Aliases.Prepend(g.Term)) Claim(a, owner, at, sharesWith: $"skill '{g.Skill}'");
            }
            foreach (var (o, at) in _outside)
                foreach (var a in o.Aliases.Prepend(o.Name)) Claim(a, $"outsideGuide entry '{o.Id}'", at);
        }
    }

}
