using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>One request the stand-in received: the method (or "response_url"), what it answered, the JSON body.</summary>
public sealed record SlackCall(string Method, string Path, int Status, string? Error, string? Authorization, JsonObject? Body)
{
    public bool Ok => Status == 200 && Error is null;
    public string? Str(string name) => Body?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Every text the message shows: its <c>text</c> and the text of its blocks.</summary>
    public string AllText => SlackStandIn.AllText(Body);
}

/// <summary>
/// Slack's Web API and response_url on loopback (Kestrel): checks what Slack checks (bearer token, JSON body, channel,
/// text or blocks, Block Kit limits), records every call, and injects faults on demand (5xx, 429 with Retry-After, stalls).
/// </summary>
public sealed class SlackStandIn : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-token";
    public const string BotUserId = "UBOT00001";
    public const string BotId = "BBOT00001";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task<bool>>>> _faults = new();
    private readonly SemaphoreSlim _callArrived = new(0);
    private int _ts;
    private int _arrived;

    private SlackStandIn(WebApplication app) => _app = app;

    /// <summary>Every call waits this long before it is answered (a slow Slack).</summary>
    public TimeSpan Stall { get; set; }

    /// <summary>While set, every call waits until the task completes.</summary>
    public Task? Gate { get; set; }

    public Uri BaseUrl { get; private set; } = null!;
    public Uri ApiBaseUrl => new(BaseUrl, "api/");
    public string ResponseUrl(string name) => new Uri(BaseUrl, "hooks/" + name).AbsoluteUri;
    public IReadOnlyList<SlackCall> Calls => _calls.ToList();

    /// <summary>Requests that reached the stand-in, including those still held by <see cref="Gate"/> or <see cref="Stall"/>.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public static async Task<SlackStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new SlackStandIn(app);
        app.MapPost("/api/{method}", (HttpContext ctx, string method) => standIn.HandleAsync(ctx, method));
        app.MapPost("/hooks/{name}", (HttpContext ctx) => standIn.HandleAsync(ctx, "response_url"));
        await app.StartAsync();
        standIn.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return standIn;
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get HTTP <paramref name="status"/>.</summary>
    public void FailNext(string method, int count, int status = 500)
    {
        for (var i = 0; i < count; i++)
            Faults(method).Enqueue(async ctx => { ctx.Response.StatusCode = status; await ctx.Response.WriteAsync("upstream error"); return true; });
    }

    /// <summary>The next call of <paramref name="method"/> gets 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds) =>
        Faults(method).Enqueue(async ctx =>
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = retryAfterSeconds.ToString();
            await ctx.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
            return true;
        });

    /// <summary>The next call of <paramref name="method"/> gets <c>{"ok": false, "error": code}</c> with HTTP 200, as Slack answers errors.</summary>
    public void ErrorNext(string method, string code) =>
        Faults(method).Enqueue(async ctx => { await ctx.Response.WriteAsJsonAsync(new { ok = false, error = code }); return true; });

    private ConcurrentQueue<Func<HttpContext, Task<bool>>> Faults(string method) => _faults.GetOrAdd(method, _ => new());

    /// <summary>Waits for a call that matches (already received or still to come).</summary>
    public async Task<SlackCall> WaitForCallAsync(Func<SlackCall, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_calls.FirstOrDefault(match) is { } found) return found;
            try { await _callArrived.WaitAsync(TimeSpan.FromMilliseconds(100), cts.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("the Slack stand-in never received the expected call; it got: "
                    + string.Join(", ", _calls.Select(c => $"{c.Method} {c.Status} {c.Error}")));
            }
        }
    }

    public Task<SlackCall> WaitForCallAsync(string method, Func<SlackCall, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForCallAsync(c => c.Method == method && c.Ok && (match is null || match(c)), timeout);

    private async Task HandleAsync(HttpContext ctx, string method)
    {
        Interlocked.Increment(ref _arrived);
        if (Gate is { } gate) await gate;
        if (Stall > TimeSpan.Zero) await Task.Delay(Stall);
        var auth = ctx.Request.Headers.Authorization.ToString();
        JsonObject? body = null;
        try { body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject; }
        catch (System.Text.Json.JsonException) { }

        if (_faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var fault) && await fault(ctx))
        {
            Record(new SlackCall(method, ctx.Request.Path, ctx.Response.StatusCode, "fault", auth, body));
            return;
        }

        var error = Check(method, auth, ctx.Request.ContentType, body);
        Record(new SlackCall(method, ctx.Request.Path, 200, error, auth, body));
        if (error is not null)
        {
            await ctx.Response.WriteAsJsonAsync(new { ok = false, error });
            return;
        }
        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        await ctx.Response.WriteAsJsonAsync(method switch
        {
            "auth.test" => (object)new { ok = true, user_id = BotUserId, bot_id = BotId, team_id = "T0TEAM001" },
            "chat.postMessage" or "chat.update" => new { ok = true, channel = body!["channel"]!.ToString(), ts },
            _ => new { ok = true },
        });
    }

    private void Record(SlackCall call)
    {
        _calls.Enqueue(call);
        _callArrived.Release();
    }

    private static string? Check(string method, string auth, string? contentType, JsonObject? body)
    {
        if (auth.Length == 0) return "not_authed";
        if (auth != "Bearer " + BotToken) return "invalid_auth";
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.Ordinal)) return "invalid_content_type";
        if (body is null) return "invalid_json";
        switch (method)
        {
            case "auth.test":
                return null;
            case "chat.postMessage" or "chat.update":
                if (body["channel"] is not JsonValue) return "channel_not_found";
                if (method == "chat.update" && body["ts"] is not JsonValue) return "message_not_found";
                return CheckMessage(body, SlackBlockKitRules.MaxMessageBlocks);
            case "response_url":
                return CheckMessage(body, SlackBlockKitRules.MaxMessageBlocks);
            case "views.publish":
                if (body["user_id"] is not JsonValue) return "user_not_found";
                if (body["view"] is not JsonObject view || view["type"]?.ToString() != "home") return "invalid_arguments";
                return view["blocks"] is JsonArray viewBlocks && SlackBlockKitRules.Check(viewBlocks, SlackBlockKitRules.MaxViewBlocks).Count == 0 ? null : "invalid_blocks";
            default:
                return "unknown_method";
        }
    }

    /// <summary>Every "text" string in a message (fallback text, block texts, button labels), one per line.</summary>
    public static string AllText(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : AllText(p.Value)).Where(t => t.Length > 0)),
        JsonArray a => string.Join("\n", a.Select(AllText).Where(t => t.Length > 0)),
        _ => "",
    };

    private static string? CheckMessage(JsonObject body, int maxBlocks)
    {
        var text = body["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (body["blocks"] is JsonArray blocks) return SlackBlockKitRules.Check(blocks, maxBlocks).Count == 0 ? null : "invalid_blocks";
        if (string.IsNullOrEmpty(text)) return "no_text";
        return text.Length > 40_000 ? "msg_too_long" : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
