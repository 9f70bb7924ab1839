using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Core.Matching;

/// <summary>
/// One message in, one <see cref="Understanding"/> out. Understands what recruiters type: question frames
/// (what is / whats / explain / tell me about / meaning of / a bare "term?"), chatter, mentions, typos, plurals and
/// abbreviations. A term the guide does not cover is not understood rather than mapped to the nearest entry:
/// a wrong answer is worse than "I don't know that one yet". Never throws.
/// </summary>
public sealed class IntentMatcher
{
    private readonly TermIndex _terms;
    private readonly Dictionary<string, string> _categoryWords;
    private readonly Dictionary<string, string> _glossarySkill;

    public IntentMatcher(KnowledgeBase knowledge) : this(knowledge, new TermIndex(knowledge)) { }

    public IntentMatcher(KnowledgeBase knowledge, TermIndex terms)
    {
        _terms = terms;
        _glossarySkill = knowledge.Glossary.ToDictionary(g => g.Id, g => g.Skill);
        _categoryWords = new(StringComparer.Ordinal);
        foreach (var c in knowledge.Categories)
        {
            _categoryWords[ChatText.Key(c.Id).Replace(" ", "")] = c.Id;
            _categoryWords[ChatText.Key(c.Title).Replace(" ", "")] = c.Id;
        }
        // Spellings of the category names recruiters use.
        foreach (var (word, id) in new[] { ("frontend", "front-end"), ("frameworks", "framework"), ("apis", "api"), ("operations", "ops"),
                     ("devops", "ops"), ("perf", "performance"), ("database", "data"), ("databases", "data"), ("background", "async") })
            if (knowledge.FindCategory(id) is not null) _categoryWords.TryAdd(word, id);
    }

    public Understanding Understand(string? rawText)
    {
        var text = ChatText.Clean(rawText);
        if (text.Length == 0) return new HelpAsked(HelpTopic.General);
        if (ResumeSnippetDetector.Snippet(text, _terms) is { } snippet) return new ResumePasted(snippet);
        if (text.Length > ChatText.QuestionLimit) text = text[..ChatText.QuestionLimit];

        var words = ChatText.Words(text);
        var content = StripGreetings(words, out var greeted);
        if (content.Count == 0) return greeted ? new GreetingSaid() : new HelpAsked(HelpTopic.General);
        var joined = " " + string.Join(' ', content) + " ";

        if (IsHelp(content, joined)) return new HelpAsked(HelpTopic.General);
        if (Has(joined, ResumeHelpPhrases)) return new HelpAsked(HelpTopic.PasteResume);

        // "another one", "next", "tell me more": follow on from the last topic.
        if (joined == " go on ") return new MoreAsked();
        if (content.Any(FollowOnWords.Contains) && content.All(w => FollowOnWords.Contains(w) || Filler.Contains(w) || Politeness.Contains(w)))
            return content.Any(w => w is "another" or "next" or "again") ? new InterviewAsked(null, null, FollowOn: true) : new MoreAsked();

        var hasQuestionFrame = Has(joined, QuestionFrames);
        if (Has(joined, AnswerPhrases)) return new AnswerAsked();
        var interview = IsInterviewRequest(content, joined, hasQuestionFrame);

        var (found, leftovers) = FindTerms(content, skipInterviewWords: interview);
        if (interview) return Interview(content, found);

        // "how does the stack fit together", "what does full-stack Python mean"
        if (Has(joined, OverviewPhrases) && found.All(t => t is { Kind: TermKind.Skill, Id: "python" }))
            return new OverviewAsked();

        if (found.Count == 0 && leftovers.Count == 0)
        {
            return greeted ? new GreetingSaid() : new NotUnderstood(null, null, []);
        }

        var inGuide = found.Where(t => t.Kind != TermKind.Outside).ToList();
        if (inGuide.Count == 0)
        {
            var outside = found.FirstOrDefault(t => t.Kind == TermKind.Outside);
            var asked = string.Join(' ', leftovers);
            return new NotUnderstood(asked.Length > 0 ? asked : null, outside?.Id, outside is null ? Near(leftovers) : []);
        }

        // Words we cannot place next to a known term may change what it means ("celery juice", "Monty Python"):
        // answer only when the known terms clearly carry the question.
        if (leftovers.Count > 0 && leftovers.Count >= inGuide.Count)
            return new NotUnderstood(string.Join(' ', leftovers), null,
                inGuide.Select(t => t with { Word = null, ByTypo = false }).Concat(Near(leftovers)).DistinctBy(t => (t.Kind, t.Id)).Take(3).ToList());

        return new TermsAsked(inGuide.Select(t => t with { Word = null }).DistinctBy(t => (t.Kind, t.Id)).ToList());
    }

    private Understanding Interview(List<string> content, List<FoundTerm> found)
    {
        string? category = null;
        for (var i = 0; i < content.Count && category is null; i++)
        {
            // "front end" is one category in two words.
            if (i + 1 < content.Count && _categoryWords.TryGetValue(content[i] + content[i + 1], out var two)) category = two;
            else if (_categoryWords.TryGetValue(content[i], out var one)) category = one;
        }
        // A named skill wins over a category word only when the skill was not named by that same word ("cloud").
        var skill = found.FirstOrDefault(t => t.Kind != TermKind.Outside && !(category is not null && t.Word is { } w && _categoryWords.ContainsKey(w)));
        var followOn = content.Any(w => w is "another" or "next" or "more" or "again");
        if (skill is not null) return new InterviewAsked(null, SkillOf(skill), followOn);
        return new InterviewAsked(category, null, followOn && category is null);
    }

    /// <summary>Known terms in reading order (longest phrase first), and the content words that are none.</summary>
    private (List<FoundTerm> Found, List<string> Leftovers) FindTerms(List<string> words, bool skipInterviewWords)
    {
        var found = new List<FoundTerm>();
        var leftovers = new List<string>();
        var i = 0;
        while (i < words.Count)
        {
            var matched = false;
            // Two words are always tried ("fast api" is FastAPI); longer phrases only where one starts here.
            var longest = Math.Min(_terms.StartsPhrase(words[i]) ? _terms.MaxWords : 2, words.Count - i);
            for (var n = longest; n >= 1 && !matched; n--)
            {
                var phrase = n == 1 ? words[i] : string.Join(' ', System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words).Slice(i, n));
                if (_terms.Find(phrase) is { } t)
                {
                    found.Add(new FoundTerm(t.Kind, t.Id, phrase));
                    i += n;
                    matched = true;
                }
            }
            if (matched) continue;
            var w = words[i];
            if (Filler.Contains(w) || (skipInterviewWords && (InterviewWords.Contains(w) || _categoryWords.ContainsKey(w))))
            {
                i++;
                continue;
            }
            // Two words typed as one term with a typo ("fast apy"), then one word ("kubernets").
            if (i + 1 < words.Count && !Filler.Contains(words[i + 1]) && _terms.FindByTypo(w + words[i + 1]) is { } pair)
            {
                found.Add(new FoundTerm(pair.Kind, pair.Id, w + " " + words[i + 1], ByTypo: true));
                i += 2;
                continue;
            }
            if (_terms.FindByTypo(w) is { } typo)
            {
                found.Add(new FoundTerm(typo.Kind, typo.Id, w, ByTypo: true));
                i++;
                continue;
            }
            leftovers.Add(w);
            i++;
        }
        return (found, leftovers);
    }

    private List<FoundTerm> Near(List<string> leftovers)
    {
        var near = new List<FoundTerm>();
        foreach (var w in leftovers.OrderByDescending(w => w.Length))
            foreach (var t in _terms.Near(w))
                if (!near.Any(n => n.Kind == t.Kind && n.Id == t.Id)) near.Add(new FoundTerm(t.Kind, t.Id));
        return near.Take(3).ToList();
    }

    private string SkillOf(FoundTerm t) => t.Kind == TermKind.Glossary ? _glossarySkill[t.Id] : t.Id;

    private static List<string> StripGreetings(List<string> words, out bool greeted)
    {
        greeted = false;
        var start = 0;
        while (start < words.Count && Greetings.Contains(words[start])) { greeted = true; start++; }
        var rest = words.Skip(start).ToList();
        // "thanks" at the end of a question is politeness, not a greeting.
        while (rest.Count > 0 && Greetings.Contains(rest[^1]) && rest.Count > 1) rest.RemoveAt(rest.Count - 1);
        if (rest.All(w => Greetings.Contains(w) || Politeness.Contains(w))) { greeted |= rest.Count > 0; return []; }
        return rest;
    }

    private static bool IsHelp(List<string> content, string joined) =>
        (content.Count <= 3 && content.Any(w => w is "help" or "commands" or "menu" or "usage" or "start" or "options"))
        || Has(joined, HelpPhrases);

    private static bool IsInterviewRequest(List<string> content, string joined, bool hasQuestionFrame)
    {
        if (content.Any(w => w is "interview" or "interviews" or "interviewing" or "quiz" or "screening")) return true;
        if (Has(joined, AskPhrases)) return true;
        // "quick question: what is celery?" is a question about celery, not a request for an interview question.
        return !hasQuestionFrame && content.Any(w => w is "question" or "questions");
    }

    private static bool Has(string joined, string[] phrases) => phrases.Any(p => joined.Contains(p, StringComparison.Ordinal));

    private static readonly HashSet<string> Greetings =
        ["hi", "hello", "hey", "heya", "hiya", "howdy", "yo", "greetings", "morning", "afternoon", "evening", "good", "thanks", "thank", "thx", "ty",
         "cheers", "sup", "hola", "bot", "recruiterbot", "recruiter", "there", "all", "folks", "team", "ok", "okay", "cool", "great", "nice", "awesome"];

    private static readonly HashSet<string> Politeness = ["please", "pls", "plz", "you", "again", "much", "so", "very", "a", "lot"];

    private static readonly HashSet<string> InterviewWords =
        ["interview", "interviews", "interviewing", "question", "questions", "quiz", "screening", "screen", "ask", "asking", "candidate", "candidates",
         "give", "random", "another", "next", "more", "one", "new", "category", "about", "on", "for", "in", "a", "an", "the", "me", "i", "should",
         "can", "could", "to", "check", "prompt", "good", "some", "of", "please", "pls", "with", "around", "test"];

    private static readonly HashSet<string> Filler =
    [
        "what", "whats", "what's", "s", "is", "are", "was", "were", "be", "been", "does", "do", "did", "doing", "mean", "means", "meaning", "meant",
        "explain", "explained", "define", "definition", "describe", "tell", "me", "us", "about", "of", "the", "a", "an", "by", "in", "on", "for",
        "to", "and", "or", "vs", "versus", "like", "with", "without", "as", "at", "it", "its", "this", "that", "these", "those", "there",
        "can", "could", "would", "will", "you", "your", "i", "im", "we", "our", "they", "their", "he", "she", "someone", "somebody", "one",
        "please", "pls", "plz", "quick", "quickly", "briefly", "short", "simple", "simply", "plain", "english", "terms", "words", "layman", "laymans",
        "know", "knows", "understand", "exactly", "actually", "really", "basically", "just", "so", "um", "uh", "hmm", "ok", "okay", "well",
        "stand", "stands", "standing", "used", "use", "uses", "using", "thing", "things", "stuff", "kind", "sort", "type", "types", "some",
        "resume", "resumes", "cv", "cvs", "profile", "candidate", "candidates", "job", "role", "roles", "position", "req", "posting", "description",
        "developer", "developers", "dev", "devs", "engineer", "engineers", "engineering", "experience", "experienced", "skill", "skills", "knowledge",
        "framework", "frameworks", "library", "libraries", "tool", "tools", "tooling", "technology", "technologies", "tech", "language", "languages",
        "platform", "platforms", "service", "services", "server", "servers", "system", "systems", "database", "databases", "db", "cluster", "clusters",
        "work", "works", "working", "good", "bad", "important", "matter", "matters", "why", "how", "when", "where", "who", "which", "should", "need",
        "needs", "want", "wants", "wanted", "look", "looking", "see", "seen", "saw", "says", "say", "said", "mentions", "mentioned", "listed",
        "question", "questions", "info", "information", "details", "detail", "overview", "hey", "hi", "hello", "thanks", "thank", "also",
        "any", "anything", "something", "here", "hear", "heard", "term", "word", "acronym", "abbreviation", "called", "call", "has", "have", "had",
        "get", "got", "if", "then", "than", "else", "from", "into", "again", "much", "many", "very", "difference", "between", "same", "different",
        "similar", "compare", "compared", "related", "stack", "full", "fullstack", "web", "app", "apps", "application", "applications",
        "project", "projects", "team", "teams", "company", "companies", "year", "years", "yrs", "yr", "strong", "solid", "hands", "proficient",
        "familiar", "expert", "expertise", "background", "heavy", "lot", "lots", "bit", "little", "help", "helps", "understanding", "mine", "my",
        "explanation", "explaining", "clarify", "wondering", "curious", "guess", "think", "thought", "not", "sure", "no", "idea", "ever",
        "sorry", "bother", "bothering", "keep", "keeps", "kept", "seeing", "notice", "noticed", "came", "across", "come", "comes", "ran", "run",
        "everywhere", "often", "always", "lately", "recently", "now", "today", "mention", "mentioning", "listing", "lists", "list", "claims", "claim",
        "meet", "met", "hiring", "hire", "recruiting", "manager", "managers", "client", "clients", "asked", "asks", "ask", "wrote", "write", "writes",
        "put", "puts", "line", "section", "bullet", "bullets", "page", "read", "reading", "screening", "screen", "interviewer",
        "done", "make", "makes", "made", "exact", "roughly", "generally", "usually", "typically", "common",
        "commonly", "popular", "modern", "new", "old", "still", "person", "people", "guy", "gal", "dude", "anyone",
    ];

    private static readonly string[] QuestionFrames =
        [" what ", " whats ", " explain ", " define ", " definition ", " tell me about ", " meaning of ", " mean ", " means ", " stand for ", " stands for ", " describe ", " who is "];

    private static readonly string[] HelpPhrases =
        [" what can you do ", " what do you do ", " how do i use ", " how does this work ", " how do you work ", " who are you ", " what are you ",
         " what can i ask ", " how can you help ", " what can you help ", " show commands ", " list commands "];

    private static readonly string[] ResumeHelpPhrases =
        [" paste a resume ", " paste resume ", " paste a cv ", " read a resume ", " read resume ", " how do i paste ", " resume help ", " upload a resume ", " check a resume ", " screen a resume "];

    private static readonly string[] AnswerPhrases =
        [" show answer ", " show the answer ", " strong answer ", " good answer ", " the answer ", " what should they say ", " what to listen for ",
         " what should i listen for ", " what does a good ", " expected answer ", " model answer ", " sample answer "];

    private static readonly string[] AskPhrases =
        [" what should i ask ", " what to ask ", " what can i ask ", " ask the candidate ", " ask a candidate ", " ask them ", " questions to ask ", " question to ask ",
         " another question ", " next question ", " one more question ", " new question ", " random question ", " give me a question "];

    private static readonly HashSet<string> FollowOnWords = ["another", "next", "again", "more", "elaborate", "continue"];

    private static readonly string[] OverviewPhrases =
        [" overview ", " big picture ", " fit together ", " fits together ", " layers ", " layer ", " full stack ", " fullstack ", " the stack ", " stack ", " how it all works ", " architecture "];
}
