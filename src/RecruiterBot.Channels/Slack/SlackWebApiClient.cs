using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RecruiterBot.Channels.Slack;

/// <summary>The outcome of one outbound call after its retries: delivered, or Slack's error code (or why it never got there).</summary>
public sealed record SlackCallResult(bool Ok, string? Error, SlackApiResponse? Response)
{
    public static SlackCallResult Failed(string error) => new(false, error, null);
}

/// <summary>
/// Slack's Web API (<c>auth.test</c>, <c>chat.postMessage</c>, <c>chat.update</c>, <c>views.publish</c>) and
/// <c>response_url</c> replies, with the bot token. Honours 429 <c>Retry-After</c>, retries 5xx and network failures
/// with back-off, and logs Slack's <c>{"ok": false, "error"}</c> codes.
/// </summary>
/// <remarks>https://api.slack.com/web</remarks>
public sealed class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebApiClient> logger)
{
    public const int MaxAttempts = 4;
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FirstBackOff = TimeSpan.FromMilliseconds(250);

    public Task<SlackCallResult> AuthTestAsync(CancellationToken ct) =>
        CallAsync("auth.test", new Dictionary<string, string>(), SlackJsonContext.Default.DictionaryStringString, ct);

    public Task<SlackCallResult> PostMessageAsync(SlackPostMessage message, CancellationToken ct) =>
        CallAsync("chat.postMessage", message, SlackJsonContext.Default.SlackPostMessage, ct);

    public Task<SlackCallResult> UpdateMessageAsync(SlackPostMessage message, CancellationToken ct) =>
        CallAsync("chat.update", message, SlackJsonContext.Default.SlackPostMessage, ct);

    public Task<SlackCallResult> PublishViewAsync(SlackViewPublish view, CancellationToken ct) =>
        CallAsync("views.publish", view, SlackJsonContext.Default.SlackViewPublish, ct);

    /// <summary>Replies through a <c>response_url</c>, which must be Slack's (or the configured API host's).</summary>
    public Task<SlackCallResult> RespondAsync(string responseUrl, SlackCommandResponse response, CancellationToken ct)
    {
        if (!IsSlackResponseUrl(responseUrl, options.Value.ApiBaseUrl, out var url))
        {
            // The token goes only to Slack: a response_url elsewhere is refused, not followed.
            Log.SlackResponseUrlRefused(logger);
            return Task.FromResult(SlackCallResult.Failed("response_url_not_slack"));
        }
        return SendAsync("response_url", url, response, SlackJsonContext.Default.SlackCommandResponse, ct);
    }

    private static bool IsSlackResponseUrl(string? value, Uri apiBaseUrl, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed)) return false;
        url = parsed;
        if (parsed.Scheme == Uri.UriSchemeHttps && parsed.Host is "hooks.slack.com" or "hooks.slack-gov.com") return true;
        return parsed.Scheme == apiBaseUrl.Scheme && string.Equals(parsed.Authority, apiBaseUrl.Authority, StringComparison.OrdinalIgnoreCase);
    }

    private Task<SlackCallResult> CallAsync<T>(string method, T body, JsonTypeInfo<T> type, CancellationToken ct) =>
        SendAsync(method, new Uri(WithSlash(options.Value.ApiBaseUrl), method), body, type, ct);

    private static Uri WithSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    private async Task<SlackCallResult> SendAsync<T>(string method, Uri url, T body, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, type);
        string error = "unknown_error";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            TimeSpan wait;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(json) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
                using var response = await http.SendAsync(request, ct);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Slack's rate limit: wait as long as it says before calling this method again.
                    wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                    error = "rate_limited";
                    Log.SlackRateLimited(logger, method, wait.TotalSeconds);
                }
                else if ((int)response.StatusCode >= 500)
                {
                    wait = BackOff(attempt);
                    error = "http_" + (int)response.StatusCode;
                    Log.SlackServerError(logger, method, (int)response.StatusCode, attempt);
                }
                else if (!response.IsSuccessStatusCode)
                {
                    error = "http_" + (int)response.StatusCode;
                    Log.SlackApiError(logger, method, error);
                    return SlackCallResult.Failed(error);
                }
                else return await ReadAsync(method, response, ct);
            }
            catch (HttpRequestException e)
            {
                wait = BackOff(attempt);
                error = "connection_failed";
                Log.SlackUnreachable(logger, method, attempt, e.Message);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                wait = BackOff(attempt);
                error = "timeout";
                Log.SlackUnreachable(logger, method, attempt, "timed out");
            }
            if (attempt < MaxAttempts) await Task.Delay(wait, time, ct);
        }
        return SlackCallResult.Failed(error);
    }

    private async Task<SlackCallResult> ReadAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        // response_url answers "ok" as plain text; the Web API answers JSON with "ok", and errors come with HTTP 200.
        if (!text.TrimStart().StartsWith('{')) return new SlackCallResult(true, null, null);
        SlackApiResponse? parsed;
        try { parsed = JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackApiResponse); }
        catch (JsonException)
        {
            Log.SlackApiError(logger, method, "invalid_response");
            return SlackCallResult.Failed("invalid_response");
        }
        if (parsed is { Ok: true }) return new SlackCallResult(true, null, parsed);
        var error = parsed?.Error ?? "unknown_error";
        Log.SlackApiError(logger, method, error);
        return new SlackCallResult(false, error, parsed);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private static TimeSpan BackOff(int attempt) => FirstBackOff * Math.Pow(2, attempt - 1);
}
