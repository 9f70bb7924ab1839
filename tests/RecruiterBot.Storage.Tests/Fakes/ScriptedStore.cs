using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage.Tests.Fakes;

/// <summary>A store that answers, fails, or stalls (ignoring cancellation, as SQLite's synchronous calls do), and counts calls.</summary>
public sealed class ScriptedStore : IConversationStore
{
    public enum Mode { Answer, Fail, Stall }

    private readonly InMemoryConversationStore _memory = new(TimeProvider.System);
    private int _calls;
    private int _loads;

    public Mode Behaviour { get; set; }

    public int Calls => _calls;

    public int Loads => _loads;

    public Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct)
    {
        Interlocked.Increment(ref _loads);
        return Run(() => _memory.LoadStateAsync(conversationKey, ct));
    }

    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct) => Run(() => _memory.TrySaveStateAsync(conversationKey, state, ct));

    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) => Run(() => _memory.TryClaimInboundAsync(inboundId, stateBefore, ct));

    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) => Run(async () => { await _memory.ReleaseInboundAsync(inboundId, ct); return 0; });

    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) => Run(async () => { await _memory.AppendQuestionAsync(entry, ct); return 0; });

    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) => Run(() => Task.FromResult(new StoreHealth(true, "scripted", "fine")));

    private async Task<T> Run<T>(Func<Task<T>> answer)
    {
        Interlocked.Increment(ref _calls);
        switch (Behaviour)
        {
            case Mode.Fail:
                throw new InvalidOperationException("connection refused");
            case Mode.Stall:
                await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
                break;
        }
        return await answer();
    }
}
