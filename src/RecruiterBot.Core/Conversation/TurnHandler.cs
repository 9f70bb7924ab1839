using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Matching;
using RecruiterBot.Core.Privacy;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Core.Conversation;

/// <summary>The result of one turn: the reply and the conversation state to keep.</summary>
public sealed record TurnResult(BotReply Reply, ConversationState State);

/// <summary>
/// One turn of the conversation as a plain function: (message, state) → (reply, new state). No I/O; the channel
/// loads the state before and saves it after.
/// </summary>
public sealed class TurnHandler(KnowledgeBase knowledge, IntentMatcher matcher, ResumeReader resumeReader)
{
    /// <summary>Longest "did you mean" echo of what the recruiter typed.</summary>
    public const int AskedEchoLimit = 60;

    public KnowledgeBase Knowledge => knowledge;

    /// <summary>A turn handler over a knowledge base, with its matcher and resume reader.</summary>
    public static TurnHandler Create(KnowledgeBase knowledge)
    {
        var terms = new TermIndex(knowledge);
        return new TurnHandler(knowledge, new IntentMatcher(knowledge, terms), new ResumeReader(knowledge));
    }

    public TurnResult Reply(IncomingMessage message, ConversationState state)
    {
        var next = state with { Version = state.Version + 1 };
        if (message.Action is { } action) return FromAction(action, next);
        if (message.HasFile && string.IsNullOrWhiteSpace(ChatText.Clean(message.Text)))
            return new(Help(HelpTopic.FileShared), next);

        return matcher.Understand(message.Text) switch
        {
            TermsAsked t => Terms(t.Terms, next),
            InterviewAsked i => Interview(i, next),
            AnswerAsked => Answer(next),
            MoreAsked => More(next),
            ResumePasted r => new(new ResumeReply(resumeReader.Read(r.Text)), next with { LastTopic = null }),
            OverviewAsked => new(Overview(), next),
            HelpAsked h => new(Help(h.Topic), next),
            GreetingSaid => new(new GreetingReply(), next),
            NotUnderstood n => new(Unknown(n), next),
            _ => new(Help(HelpTopic.General), next),
        };
    }

    private TurnResult FromAction(CardAction action, ConversationState state)
    {
        switch (action.Action)
        {
            case CardAction.Define when action.Kind == EntryRef.Skill && knowledge.FindSkill(action.Id) is { } skill:
                return Terms([new FoundTerm(TermKind.Skill, skill.Id)], state);
            case CardAction.Define when action.Kind == EntryRef.Glossary && knowledge.FindGlossary(action.Id) is { } term:
                return Terms([term.Relation == GlossaryRelation.Narrower ? new FoundTerm(TermKind.Glossary, term.Id) : new FoundTerm(TermKind.Skill, term.Skill)], state);
            case CardAction.Interview when action.Skill is not null && knowledge.FindSkill(action.Skill) is not null:
                return Interview(new InterviewAsked(null, action.Skill, false), state);
            case CardAction.Interview when action.Category is not null && knowledge.FindCategory(action.Category) is not null:
                return Interview(new InterviewAsked(action.Category, null, false), state);
            case CardAction.Interview when action.Skill is null && action.Category is null:
                return Interview(new InterviewAsked(null, null, false), state);
            case CardAction.Answer when knowledge.FindCheck(action.Id) is { } check:
                return Show(check, null, showAnswer: true, restarted: false, state);
            case CardAction.ResumeHelp:
                return new(Help(HelpTopic.PasteResume), state);
            case CardAction.Overview:
                return new(Overview(), state);
            default:
                // An unknown or malformed button gets help, never an error.
                return new(Help(HelpTopic.General), state);
        }
    }

    /// <summary>Confidence of an answer found through a typo rather than an exact name.</summary>
    public const double TypoConfidence = 0.7;

    private TurnResult Terms(IReadOnlyList<FoundTerm> terms, ConversationState state)
    {
        var result = TermsExact(terms, state);
        return terms[0].ByTypo ? result with { Reply = result.Reply with { Confidence = TypoConfidence } } : result;
    }

    private TurnResult TermsExact(IReadOnlyList<FoundTerm> terms, ConversationState state)
    {
        var first = terms[0];
        var also = terms.Skip(1).Select(ToRef).OfType<EntryRef>().ToList();
        if (first.Kind == TermKind.Glossary && knowledge.FindGlossary(first.Id) is { } term)
        {
            var owner = knowledge.FindSkill(term.Skill)!;
            if (term.Relation == GlossaryRelation.Narrower)
                return new(new GlossaryReply(term, owner, also), state with { LastTopic = new TopicRef(EntryRef.Glossary, term.Id) });
            first = new FoundTerm(TermKind.Skill, owner.Id);
        }
        var skill = knowledge.FindSkill(first.Id)!;
        var related = skill.Related.Select(knowledge.FindSkill).OfType<SkillEntry>().ToList();
        var reply = new SkillReply(skill, knowledge.FindLayer(skill.Layer)!, knowledge.GlossaryForSkill(skill.Id), related, also);
        return new(reply, state with { LastTopic = new TopicRef(EntryRef.Skill, skill.Id) });
    }

    private EntryRef? ToRef(FoundTerm t) => t.Kind switch
    {
        TermKind.Skill => knowledge.FindSkill(t.Id) is { } s ? Ref.To(s) : null,
        TermKind.Glossary => knowledge.FindGlossary(t.Id) is { } g ? Ref.To(g) : null,
        _ => null,
    };

    private TurnResult Interview(InterviewAsked ask, ConversationState state)
    {
        var (category, skill) = (ask.Category, ask.Skill);
        // "Another one" keeps to the pool the last question came from.
        if (ask.FollowOn && category is null && skill is null && state.LastTopic is { Kind: EntryRef.Interview } last)
            (category, skill) = (last.Category, last.Skill);

        var pool = Pool(category, skill);
        var shown = state.ShownChecks;
        var remaining = pool.Where(c => !shown.Contains(c.Id)).ToList();
        var restarted = false;
        if (remaining.Count == 0)
        {
            // The pool is used up: start it over, but never with the question just shown.
            restarted = true;
            var poolIds = pool.Select(c => c.Id).ToHashSet();
            var lastShown = shown.Count > 0 ? shown[^1] : null;
            shown = shown.Where(id => !poolIds.Contains(id)).ToList();
            remaining = pool.Where(c => c.Id != lastShown || pool.Count == 1).ToList();
        }
        // About a skill: the checks that probe it first (it leads their list) are drawn before those that touch it.
        if (skill is not null && remaining.Where(c => c.Skills.Count > 0 && c.Skills[0] == skill).ToList() is { Count: > 0 } leading)
            remaining = leading;
        var pick = remaining[Pick(state.Seed, state.ShownChecks.Count, remaining.Count)];
        return Show(pick, skill, showAnswer: false, restarted, state with { ShownChecks = [.. shown, pick.Id] }, category);
    }

    private IReadOnlyList<InterviewCheck> Pool(string? category, string? skillId)
    {
        if (skillId is not null && knowledge.FindSkill(skillId) is { } skill)
        {
            var about = knowledge.Interview.Where(c => c.Skills.Contains(skill.Id)).ToList();
            if (about.Count > 0) return about;
            var byCategory = knowledge.Interview.Where(c => skill.InterviewCategories.Contains(c.Category)).ToList();
            if (byCategory.Count > 0) return byCategory;
        }
        if (category is not null)
        {
            var inCategory = knowledge.Interview.Where(c => c.Category == category).ToList();
            if (inCategory.Count > 0) return inCategory;
        }
        return knowledge.Interview;
    }

    private TurnResult Show(InterviewCheck check, string? skillId, bool showAnswer, bool restarted, ConversationState state, string? poolCategory = null)
    {
        var reply = new InterviewReply(check, knowledge.FindCategory(check.Category)!, knowledge.FindSkill(skillId), showAnswer, restarted);
        // Showing the answer keeps the pool the question came from, so "another one" still follows it.
        var topic = showAnswer && state.LastTopic is { Kind: EntryRef.Interview } last && last.Id == check.Id
            ? last
            : new TopicRef(EntryRef.Interview, check.Id, poolCategory, skillId);
        return new(reply, state with { LastTopic = topic });
    }

    private TurnResult Answer(ConversationState state) =>
        state.LastTopic is { Kind: EntryRef.Interview } last && knowledge.FindCheck(last.Id) is { } check
            ? Show(check, last.Skill, showAnswer: true, restarted: false, state)
            : Interview(new InterviewAsked(null, null, false), state);

    private TurnResult More(ConversationState state) => state.LastTopic switch
    {
        { Kind: EntryRef.Glossary } t when knowledge.FindGlossary(t.Id) is { } g => Terms([new FoundTerm(TermKind.Skill, g.Skill)], state),
        { Kind: EntryRef.Skill } t => Interview(new InterviewAsked(null, t.Id, false), state),
        { Kind: EntryRef.Interview } => Answer(state),
        _ => new(Overview(), state),
    };

    private OverviewReply Overview() => new(knowledge.FullStackMeaning, knowledge.Layers, knowledge.Signals);

    private HelpReply Help(HelpTopic topic) => new(topic, knowledge.Categories);

    private UnknownReply Unknown(NotUnderstood n)
    {
        var asked = n.Asked is null ? null : PersonalDataScrubber.Scrub(n.Asked);
        if (asked is { Length: > AskedEchoLimit }) asked = asked[..AskedEchoLimit].TrimEnd() + "…";
        var outside = knowledge.OutsideGuide.FirstOrDefault(o => o.Id == n.OutsideGuideId)?.Name;
        return new UnknownReply(string.IsNullOrWhiteSpace(asked) ? null : asked, outside, n.Near.Select(ToRef).OfType<EntryRef>().Distinct().Take(3).ToList())
        {
            Confidence = 0,
        };
    }

    // Deterministic from (seed, turn): the same state always draws the same question, so a retried turn replays.
    private static int Pick(int seed, int count, int choices)
    {
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)count * 0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)choices);
    }
}
