using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Resume;

public sealed partial class ResumeReader
{
    public const string FullStackPython = "full-stack-python";
    public const string PythonBackend = "python-backend";
    public const string PythonFrontendLeaning = "python-frontend-leaning";
    public const string PythonOther = "python-other";
    public const string NotPythonWeb = "not-python-web";
    public const string NotAResume = "not-a-resume";

    private const int QuestionLimit = 3;
    private const int GapQuestionLimit = 2;

    // The guide's signals as rules over skills. Kubernetes counts as containers for "shipped"; cloud hosting alone does not.
    private static readonly string[] ServerSkills = ["django", "flask-fastapi"];
    private static readonly string[] BrowserSkills = ["django-templates", "react", "typescript"];
    private static readonly string[] ShippedSkills = ["docker", "kubernetes", "cicd", "celery"];
    private const string OrmId = "orm";
    private const string SqlId = "sql-databases";

    private ResumeRead Verdict(ResumeTally tally)
    {
        var kb = Knowledge;
        var skills = new List<ResumeSkill>();
        for (var i = 0; i < kb.Skills.Count; i++)
            if (tally.Counted(i)) skills.Add(new ResumeSkill(kb.Skills[i].Id, kb.Skills[i].Title, kb.Skills[i].Layer, tally.Evidence(i)));
        bool Has(string id) => _skillIndex.TryGetValue(id, out var i) && tally.Counted(i);
        bool Any(string[] ids) => ids.Any(Has);

        var layers = kb.Layers.Select(l =>
        {
            var ids = skills.Where(s => s.Layer == l.Id).Select(s => s.Id).ToList();
            return new LayerCoverage(l.Id, l.Title, ids.Count > 0, ids);
        }).ToList();

        var server = Any(ServerSkills);
        var browser = Any(BrowserSkills);
        var data = Has(OrmId) && Has(SqlId);
        var shipped = Any(ShippedSkills);
        var met = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["server-pairing"] = server, ["browser-ui"] = browser, ["data-access"] = data, ["shipped"] = shipped,
        };
        var signals = kb.Signals.Select(s => new SignalReading(s.Id, s.Title, met.GetValueOrDefault(s.Id), s.Why)).ToList();

        var notCounted = new List<NotCountedMention>();
        for (var i = 0; i < kb.Skills.Count; i++)
            if (!tally.Counted(i) && tally.NotCountedMention(i) is { } n)
                notCounted.Add(new NotCountedMention(kb.Skills[i].Id, n.Evidence, n.Kind == CueKind.Negated
                    ? "negated: not counted as experience"
                    : "aspirational (learning or only familiar): not counted as experience"));
        var also = tally.OutsideInOrder.Select(i => kb.OutsideGuide[i].Name).ToList();

        var python = tally.ShowsPython;
        var profile = Profile(skills, also, notCounted, python, server, browser, data, shipped);
        var (gaps, targets) = Gaps(profile.Id, notCounted, python, server, browser, shipped, Has);
        var questions = profile.Id == NotAResume ? [] : Questions(targets, skills);
        return new ResumeRead(skills, layers, signals, profile, gaps, questions, notCounted, also);
    }

    private ResumeProfile Profile(List<ResumeSkill> skills, List<string> also, List<NotCountedMention> notCounted,
        bool python, bool server, bool browser, bool data, bool shipped)
    {
        string Shown(string[] ids) => Join(skills.Where(s => ids.Contains(s.Id)).Select(s => s.Evidence.FirstOrDefault() ?? s.Title));
        string Extras()
        {
            var extras = new List<string>();
            if (data) extras.Add("data access through " + Shown([OrmId, SqlId]));
            if (shipped) extras.Add("shipping signs (" + Shown(ShippedSkills) + ")");
            return extras.Count == 0 ? "" : ", with " + string.Join(" and ", extras);
        }
        var pythonWords = Shown([PythonId, .. ServerSkills]);
        if (pythonWords.Length == 0) pythonWords = "Python-only tools (" + Join(skills.Select(s => s.Evidence.FirstOrDefault() ?? s.Title).Take(3)) + ")";
        var outside = also.Count > 0 ? $" It also names {Join(also.Take(3))}, outside this guide." : "";

        if (skills.Count == 0 && also.Count == 0)
            return new ResumeProfile(NotAResume, "No technical stack found", notCounted.Count > 0
                ? $"It only mentions {Join(notCounted.Select(n => n.Evidence).Take(3))}, which is not experience; paste the skills section or a few project bullets."
                : "I found no technology from the guide in this text; paste the skills section or a few project bullets.");
        if (!python)
            return new ResumeProfile(NotPythonWeb, "Not a Python web profile", skills.Count > 0
                ? $"It shows {Join(skills.Select(s => s.Evidence.FirstOrDefault() ?? s.Title).Take(4))}{(also.Count > 0 ? " and " + Join(also.Take(3)) : "")} but no Python, so the core server-side pairing is missing."
                : $"It shows {Join(also.Take(4))}, all outside this guide, and no Python.");
        if (server && browser)
            return new ResumeProfile(FullStackPython, "Full-stack Python",
                $"It pairs Python server work ({Shown(ServerSkills)}) with browser UI work ({Shown(BrowserSkills)}){Extras()}." + outside);
        if (server)
            return new ResumeProfile(PythonBackend, "Python back-end",
                $"It shows Python server work ({Shown(ServerSkills)}){Extras()}, but no browser UI work: likely an API or back-end profile." + outside);
        if (browser)
            return new ResumeProfile(PythonFrontendLeaning, "Python, front-end leaning",
                $"It shows {pythonWords} and browser UI work ({Shown(BrowserSkills)}) but no Python web framework: ask what connects the two." + outside);
        return new ResumeProfile(PythonOther, "Python outside web development",
            $"It shows {pythonWords} but no web framework or browser UI: likely data, scripting or automation work." + outside);
    }

    /// <summary>Short gap sentences, and for each the skills an interview check should aim at, most important first.</summary>
    private static (List<string> Gaps, List<string[]> Targets) Gaps(string profile, List<NotCountedMention> notCounted,
        bool python, bool server, bool browser, bool shipped, Func<string, bool> has)
    {
        var gaps = new List<string>();
        var targets = new List<string[]>();
        if (profile == NotAResume) return (gaps, targets);
        if (!python)
        {
            gaps.Add("No Python shown: ask what Python they have written for the web, if any.");
            targets.Add([PythonId]);
        }
        else
        {
            if (!server)
            {
                gaps.Add("No Python web framework shown: ask which framework they build web apps with (Django, Flask or FastAPI).");
                targets.Add(ServerSkills);
            }
            if (!browser)
            {
                gaps.Add(has("html-css-js")
                    ? "Only plain HTML/CSS/JavaScript on the browser side: ask which screens they built and how."
                    : "No browser UI work shown: ask whether they build screens (Django templates, React) or only APIs.");
                targets.Add(["django-templates", "react"]);
            }
            var orm = has(OrmId);
            var sql = has(SqlId);
            if (!orm || !sql)
            {
                gaps.Add((orm, sql) switch
                {
                    (false, false) => "No database work shown: ask how they store and query data.",
                    (false, true) => "A SQL database but no ORM: ask how their code reads and writes data (Django ORM, SQLAlchemy or raw SQL).",
                    _ => "An ORM but no named SQL database: ask which database sits underneath and how they check the queries.",
                });
                targets.Add([OrmId, SqlId]);
            }
            if (!shipped)
            {
                gaps.Add(has("cloud")
                    ? "Cloud hosting, but no Docker, CI/CD or background jobs: ask how their code actually gets to production."
                    : "No sign of shipping: ask how their code gets to production (Docker, CI/CD, background jobs).");
                targets.Add(["cicd", "docker", "celery"]);
            }
            if (!has("testing"))
            {
                gaps.Add("No testing shown: ask how they test their code before it ships.");
                targets.Add(["testing"]);
            }
        }
        if (notCounted.Count > 0)
        {
            gaps.Add($"Mentioned but not claimed: {Join(notCounted.Select(n => n.Evidence).Take(3))}. Ask what they have actually built with it.");
            targets.Add(notCounted.Select(n => n.SkillId).ToArray());
        }
        return (gaps, targets);
    }

    /// <summary>Up to two checks aimed at the gaps, then the checks that probe the most of the strongest claims.</summary>
    private List<InterviewCheck> Questions(List<string[]> targets, List<ResumeSkill> skills)
    {
        var chosen = new List<InterviewCheck>();
        foreach (var target in targets)
        {
            if (chosen.Count >= GapQuestionLimit) break;
            var check = target.Select(id => Knowledge.Interview.FirstOrDefault(c => c.Skills.Contains(id) && !chosen.Contains(c))).FirstOrDefault(c => c is not null);
            if (check is not null) chosen.Add(check);
        }
        var shown = skills.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var strongest = Knowledge.Interview
            .Select((c, order) => (Check: c, Order: order, Score: c.Skills.Count(shown.Contains)))
            .Where(x => x.Score > 0 && !chosen.Contains(x.Check))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Order)
            .Select(x => x.Check);
        chosen.AddRange(strongest.Take(QuestionLimit - chosen.Count));
        // Too little to aim at (only technologies outside the guide): ask about Python itself.
        foreach (var c in Knowledge.Interview.Where(c => c.Skills.Contains(PythonId)))
            if (chosen.Count < GapQuestionLimit && !chosen.Contains(c)) chosen.Add(c);
        return chosen;
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
