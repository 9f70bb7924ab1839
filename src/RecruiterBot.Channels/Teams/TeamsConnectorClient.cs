using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RecruiterBot.Channels.Teams;

/// <summary>
/// Sends activities to the Bot Framework connector at the activity's service URL, with the bot's token (none in
/// emulator mode). Teams throttles with 429 and asks for retries on 412, 502 and 504: those are retried with
/// exponential back-off and jitter, waiting at least what <c>Retry-After</c> says.
/// </summary>
internal sealed class TeamsConnectorClient(
    IHttpClientFactory httpClients, TeamsBotTokenClient tokens, TeamsServiceUrlPolicy serviceUrls, IOptions<TeamsOptions> options,
    TimeProvider time, ILogger<TeamsConnectorClient> logger)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Posts <paramref name="activity"/> as a reply to <paramref name="replyToId"/> (or to the conversation
    /// when null); throws when the connector still refuses after the retries.</summary>
    public async Task SendAsync(string serviceUrl, string conversationId, string? replyToId, TeamsReplyActivity activity, CancellationToken ct)
    {
        // Checked again here: nothing, least of all the bot's token, goes to a host that is not Teams'.
        if (!serviceUrls.IsAllowed(serviceUrl)) throw new InvalidOperationException("the service URL is not allowed");
        var url = serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities"
                  + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(activity, TeamsJsonContext.Default.TeamsReplyActivity),
            };
            if (options.Value.RequiresToken)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
            using var http = httpClients.CreateClient(nameof(TeamsConnectorClient));
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return;
            var status = (int)response.StatusCode;
            if (!IsRetried(response.StatusCode) || attempt >= MaxAttempts)
                throw new HttpRequestException($"the connector answered {status} after {attempt} attempt(s)", null, response.StatusCode);
            var delay = Backoff(attempt, response.Headers.RetryAfter);
            Log.TeamsSendRetry(logger, status, attempt, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, time, ct);
        }
    }

    private static bool IsRetried(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var exponential = FirstBackoff * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        var asked = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => TimeSpan.Zero,
        };
        var delay = asked > jittered ? asked : jittered;
        return delay > MaxBackoff ? MaxBackoff : delay;
    }
}
