using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Channels.Tests.Fakes;

/// <summary>A store (and question log) where every call stalls for <paramref name="stall"/>, ignoring cancellation
/// like a hung database connection would.</summary>
public sealed class StallingStore(TimeSpan stall) : IConversationStore, IQuestionStats
{
    private readonly InMemoryConversationStore _inner = new(TimeProvider.System);

    private async Task<T> StallAsync<T>(Func<Task<T>> call)
    {
        await Task.Delay(stall);
        return await call();
    }

    public Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct) => StallAsync(() => _inner.LoadStateAsync(conversationKey, ct));
    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct) => StallAsync(() => _inner.TrySaveStateAsync(conversationKey, state, ct));
    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) => StallAsync(() => _inner.TryClaimInboundAsync(inboundId, stateBefore, ct));
    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) => StallAsync(async () => { await _inner.ReleaseInboundAsync(inboundId, ct); return 0; });
    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) => StallAsync(async () => { await _inner.AppendQuestionAsync(entry, ct); return 0; });
    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) => _inner.CheckHealthAsync(ct);

    public Task<QuestionStats> GetQuestionStatsAsync(DateTimeOffset since, int unansweredLimit, CancellationToken ct) =>
        StallAsync(() => Task.FromResult(new QuestionStats(since, 0, [], [], [], [new EntryCount(EntryRef.Skill, "redis", 9)], [])));
}
