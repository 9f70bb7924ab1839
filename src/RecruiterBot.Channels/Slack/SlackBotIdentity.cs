namespace RecruiterBot.Channels.Slack;

/// <summary>The bot's own user id, learned once with <c>auth.test</c>, so the bot never answers itself.</summary>
public sealed class SlackBotIdentity
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _userId;

    /// <summary>The bot user id, or null while <c>auth.test</c> fails (asked again next time).</summary>
    public async Task<string?> UserIdAsync(SlackWebApiClient client, CancellationToken ct)
    {
        if (_userId is { } known) return known;
        await _gate.WaitAsync(ct);
        try
        {
            if (_userId is null && await client.AuthTestAsync(ct) is { Ok: true, Response.UserId: { Length: > 0 } id }) _userId = id;
            return _userId;
        }
        finally { _gate.Release(); }
    }
}
