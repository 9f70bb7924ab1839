using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Privacy;

namespace RecruiterBot.Core.Resume;

/// <summary>
/// Reads a resume snippet against the Quick Resume Reading Guide: the skills it shows with their evidence words, the
/// four layers, the four signals, a profile, gaps and interview checks. One pass of an <see cref="AliasAutomaton"/>
/// over the text finds every alias; context rules then decide which mentions count. Keeps nothing of the text but
/// the matched words; never throws.
/// </summary>
public sealed partial class ResumeReader
{
    /// <summary>Most evidence words kept per skill.</summary>
    public const int EvidenceLimit = 5;

    private const int EvidenceLength = 60;

    private readonly AliasAutomaton _automaton;
    private readonly AliasInfo[] _aliases;
    private readonly Dictionary<string, int> _skillIndex;

    public ResumeReader(KnowledgeBase knowledge)
    {
        Knowledge = knowledge;
        _skillIndex = knowledge.Skills.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var django = _skillIndex.GetValueOrDefault(DjangoId, -1);
        var keys = new List<string>();
        var infos = new List<AliasInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string alias, int skill, int outside, bool ambiguous, bool hobby = false)
        {
            var key = AliasAutomaton.Fold(alias);
            if (key.Length == 0 || !seen.Add(key)) return;
            var pythonOnly = skill >= 0 && (knowledge.Skills[skill].Id == PythonId || key.StartsWith("django", StringComparison.Ordinal) || PythonOnlyAliases.Contains(key));
            var implied = key.StartsWith("django ", StringComparison.Ordinal) || key == "drf" ? django : -1;
            keys.Add(key);
            infos.Add(new AliasInfo(skill, outside, implied == skill ? -1 : implied, ambiguous, outside >= 0 && EverydayOutside.Contains(key), pythonOnly, hobby));
        }
        // Ordinary phrases first, so "Monty Python" or "volumetric flask" swallow the skill name inside them.
        foreach (var phrase in OrdinaryPhrases) Add(phrase, -1, -1, false);
        foreach (var marker in HobbyMarkers) Add(marker, -1, -1, false, hobby: true);
        for (var i = 0; i < knowledge.Skills.Count; i++)
        {
            var s = knowledge.Skills[i];
            var ambiguous = s.Ambiguous.Select(AliasAutomaton.Fold).ToHashSet(StringComparer.Ordinal);
            foreach (var a in s.Aliases.Prepend(s.Title)) Add(a, i, -1, ambiguous.Contains(AliasAutomaton.Fold(a)));
        }
        foreach (var g in knowledge.Glossary)
            if (_skillIndex.TryGetValue(g.Skill, out var owner))
                foreach (var a in g.Aliases.Prepend(g.Term)) Add(a, owner, -1, false);
        for (var i = 0; i < knowledge.OutsideGuide.Count; i++)
            foreach (var a in knowledge.OutsideGuide[i].Aliases.Prepend(knowledge.OutsideGuide[i].Name)) Add(a, -1, i, false);
        _aliases = infos.ToArray();
        _automaton = new AliasAutomaton(keys);
    }

    public KnowledgeBase Knowledge { get; }

    /// <summary>The quick read of a snippet. Never throws: empty, huge or odd text gives a <c>not-a-resume</c> read at worst.</summary>
    public ResumeRead Read(string text)
    {
        text ??= "";
        var hits = new List<AliasHit>(Math.Min(1024, 16 + text.Length / 64));
        _automaton.Scan(text, hits);

        var tally = new ResumeTally(Knowledge.Skills.Count, Knowledge.OutsideGuide.Count);
        var rules = new MentionRules(text, hits, _aliases);
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            var alias = _aliases[hit.Pattern];
            if (!alias.IsTechnical || tally.IsFull(alias) || tally.HasEvidence(alias.Skill, text.AsSpan(hit.Start, hit.Length))) continue;
            if (rules.InsideAddress(h)) continue;
            if ((alias.Ambiguous || alias.Everyday) && !rules.InTechnicalContext(h)) continue;

            var cue = rules.FindCue(h);
            if (cue.Kind != CueKind.None)
            {
                if (alias.Skill >= 0) tally.NotCounted(alias.Skill, Excerpt(text, cue.Start, cue.End), cue.Kind);
                continue;
            }
            var words = Excerpt(text, hit.Start, hit.End);
            if (alias.Skill >= 0) tally.Count(alias.Skill, words, alias.PythonOnly);
            if (alias.Implies >= 0) tally.Count(alias.Implies, words, pythonOnly: true);
            if (alias.Outside >= 0) tally.Outside(alias.Outside);
        }
        return Verdict(tally);
    }

    /// <summary>The words as written, white space collapsed, cut short, with nothing personal in them.</summary>
    private static string Excerpt(string text, int start, int end)
    {
        var span = text.AsSpan(start, Math.Min(end - start, EvidenceLength * 2));
        var chars = new char[span.Length];
        var n = 0;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (n > 0 && chars[n - 1] != ' ') chars[n++] = ' ';
            }
            else chars[n++] = c;
        }
        var words = new string(chars, 0, n).Trim();
        if (words.Length > EvidenceLength) words = words[..EvidenceLength].TrimEnd() + "…";
        // Aliases hold no personal data, but an excerpt spans a cue too: scrub whatever could be an address or a number.
        return words.Contains('@') || words.Count(char.IsAsciiDigit) >= 7 ? PersonalDataScrubber.Scrub(words) : words;
    }

    private const string PythonId = "python";
    private const string DjangoId = "django";

    /// <summary>Aliases only Python code uses: they show Python even when the word "Python" is missing.</summary>
    private static readonly HashSet<string> PythonOnlyAliases =
        ["drf", "flask", "flask framework", "fastapi", "fast api", "fastapi framework", "flask and fastapi", "starlette", "pydantic",
         "sqlalchemy", "sql alchemy", "sqla", "sqlalchemy orm", "alembic", "pytest", "unittest", "celery", "celery beat", "rq", "dramatiq",
         "huey", "pymongo", "mongoengine", "jinja", "jinja2"];

    /// <summary>Names outside the guide that are everyday words too ("Spring 2021", "Ruby", "express"): they count only on
    /// a skills line or as an item of a list of technologies.</summary>
    private static readonly HashSet<string> EverydayOutside =
        ["go", "spring", "swift", "rust", "ruby", "rails", "express", "node", "spark", "snowflake", "elixir", "sap", "kafka", "pandas", "tableau", "airflow", "scala"];

    /// <summary>Words that make a line a hobbies line, where ambiguous words ("celery", "Flask") never count.</summary>
    private static readonly string[] HobbyMarkers =
        ["hobbies", "hobby", "interests:", "interests include", "personal interests", "free time", "spare time", "outside of work",
         "outside work", "pastimes", "leisure", "i love cooking", "i enjoy cooking"];

    /// <summary>Ordinary phrases that contain a skill's name but are not the skill.</summary>
    private static readonly string[] OrdinaryPhrases =
        ["monty python", "ball python", "pet python", "burmese python", "reticulated python",
         "volumetric flask", "erlenmeyer flask", "conical flask", "round bottom flask", "florence flask", "hip flask", "vacuum flask", "thermos flask",
         "celery juice", "celery root", "celery soup", "celery stalks", "celery sticks", "celery seed", "celery salt",
         "ts/sci", "ts sci", "spring break", "spring semester", "spring term", "machine learning"];
}
