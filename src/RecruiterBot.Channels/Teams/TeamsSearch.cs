using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Cards;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Matching;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Channels.Teams;

/// <summary>
/// Answers <c>composeExtension/query</c>, the search box of the message compose area: up to 10 skills, glossary terms
/// or interview checks, each as a thumbnail preview and the full card to insert (without bot buttons: the people who
/// read it may not have the bot). An empty query lists the most asked skills; the question log is read within a short
/// time budget and cached, so a slow store never breaks Teams' 5 seconds.
/// </summary>
internal sealed class TeamsSearch(
    KnowledgeSearch search, TurnHandler turns, ReplyRenderer renderer, IQuestionStats stats, TimeProvider time,
    IOptions<TeamsOptions> options, ILogger<TeamsSearch> logger)
{
    /// <summary>The search command's parameter in the manifest (bot-manifest/teams/manifest.json).</summary>
    public const string ParameterName = "searchKeyword";
    public const int MaxResults = 10;

    /// <summary>How long the question log may take for the most asked skills before the guide's order is used.</summary>
    public static readonly TimeSpan StatsBudget = TimeSpan.FromSeconds(1.5);

    /// <summary>How long the most asked skills are reused (the search box asks on every open).</summary>
    public static readonly TimeSpan MostAskedCacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The question log window the most asked skills are counted over.</summary>
    public static readonly TimeSpan MostAskedWindow = TimeSpan.FromDays(30);

    private volatile MostAsked? _mostAsked;

    private sealed record MostAsked(IReadOnlyList<string> SkillIds, DateTimeOffset At);

    public async Task<TeamsSearchResponse> AnswerAsync(TeamsActivity activity, CancellationToken ct)
    {
        var query = ReadQuery(activity.Value);
        var parameters = query?.Parameters ?? [];
        // With initialRun Teams asks once on open with {"name": "initialRun", "value": "true"}: an empty query.
        var text = (parameters.FirstOrDefault(p => p.Name == ParameterName) ?? parameters.FirstOrDefault(p => p.Name != "initialRun"))?.Value;
        var skip = Math.Clamp(query?.QueryOptions?.Skip ?? 0, 0, 1000);
        var count = Math.Clamp(query?.QueryOptions?.Count ?? MaxResults, 1, MaxResults);

        IReadOnlyList<EntryRef> entries = string.IsNullOrWhiteSpace(text)
            ? await MostAskedSkillsAsync(ct)
            : search.Find(text, skip + count);
        var attachments = entries.Skip(skip).Take(count).Select(Result).OfType<TeamsSearchResponse.ResultAttachment>().ToList();
        Log.TeamsSearchAnswered(logger, attachments.Count, string.IsNullOrWhiteSpace(text));
        return new TeamsSearchResponse(new TeamsSearchResponse.SearchResult(attachments));
    }

    private static TeamsSearchQuery? ReadQuery(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v) return null;
        try { return v.Deserialize(TeamsJsonContext.Default.TeamsSearchQuery); }
        catch (JsonException) { return null; }
    }

    private TeamsSearchResponse.ResultAttachment? Result(EntryRef entry)
    {
        // The entry's answer as a button press would give it, from a fresh conversation; a check with its strong answer.
        var action = entry.Kind == EntryRef.Interview
            ? new CardAction(CardAction.Answer, Id: entry.Id)
            : new CardAction(CardAction.Define, entry.Kind, entry.Id);
        var reply = turns.Reply(new IncomingMessage { Action = action }, ConversationState.New(0)).Reply;
        // Related skills and "also asked" are buttons only: left out of a card for people who may not have the bot.
        if (reply is SkillReply skill) reply = skill with { Related = [], AlsoAsked = [] };
        var (title, text) = reply switch
        {
            SkillReply s => (s.Skill.Title, s.Skill.Subtitle),
            GlossaryReply g => (g.Term.Term, g.Term.Meaning),
            InterviewReply i => ($"Interview question: {i.Category.Title}", i.Check.Question),
            _ => (entry.Title, ""),
        };
        var card = TeamsCardVariant.WithoutBotActions(renderer.AdaptiveCard(reply), BotLink(), "Ask RecruiterBot");
        if (!TeamsBudget.Fits(card)) return null;
        return new TeamsSearchResponse.ResultAttachment(TeamsBudget.ContentType, card,
            new TeamsSearchResponse.ResultPreview(TeamsSearchResponse.ThumbnailType, new TeamsSearchResponse.Thumbnail(title, text)));
    }

    /// <summary>A chat with the bot, for people who read an inserted card; none without an app id.</summary>
    private string? BotLink() =>
        options.Value.RequiresToken ? "https://teams.microsoft.com/l/chat/0/0?users=28:" + Uri.EscapeDataString(options.Value.AppId!.Trim()) : null;

    private async Task<IReadOnlyList<EntryRef>> MostAskedSkillsAsync(CancellationToken ct)
    {
        var knowledge = turns.Knowledge;
        var now = time.GetUtcNow();
        var cached = _mostAsked;
        if (cached is null || now - cached.At > MostAskedCacheLifetime)
        {
            cached = new MostAsked(await ReadMostAskedAsync(now, ct), now);
            _mostAsked = cached;
        }
        // The log's skills first, then the rest of the guide in its order.
        return cached.SkillIds.Concat(knowledge.Skills.Select(s => s.Id)).Distinct()
            .Select(knowledge.FindSkill).OfType<SkillEntry>().Select(Ref.To).Take(MaxResults).ToList();
    }

    private async Task<IReadOnlyList<string>> ReadMostAskedAsync(DateTimeOffset now, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(StatsBudget);
        try
        {
            var result = await stats.GetQuestionStatsAsync(now - MostAskedWindow, 0, budget.Token).WaitAsync(StatsBudget, ct);
            return result.TopEntries.Where(e => e.Kind == EntryRef.Skill).Select(e => e.Id).ToList();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Log.TeamsMostAskedUnavailable(logger, e);
            return [];
        }
    }
}
