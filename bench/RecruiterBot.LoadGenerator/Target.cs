using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruiterBot.LoadGenerator;

/// <summary>One request to send, and the key its reply carries at the stand-in (null when the answer is inline).</summary>
public sealed record Outgoing(HttpRequestMessage Request, string? DeliveryKey);

/// <summary>Builds the requests of one endpoint. Thread-safe: every request gets its own number.</summary>
public abstract class Target
{
    private long _next;

    /// <summary>Replies go to a stand-in (Teams, Slack): only those that reach it within the deadline count.</summary>
    public virtual string? DeliveryKind => null;

    /// <summary>Every delivery key of this target starts with it (the stand-in is asked for those).</summary>
    public virtual string KeyPrefix => "";

    public Outgoing Next(int connection) => Build(Interlocked.Increment(ref _next) - 1, connection);

    protected abstract Outgoing Build(long n, int connection);

    public static Target Create(string kind, Uri host, LoadOptions o) => kind switch
    {
        "baseline" or "chat" => new ChatTarget(host, o.RunId),
        "teams" => new TeamsTarget(host, o.RunId, o.StandIn ?? throw new ArgumentException("--standin is required for teams"), o.TeamsToken ?? throw new ArgumentException("--teams-token is required")),
        "slack" => new SlackTarget(host, o.RunId, o.SlackSecret ?? throw new ArgumentException("--slack-secret is required for slack")),
        "mixed" => new MixedTarget(host, o),
        _ => throw new ArgumentException($"unknown target '{kind}' (baseline, chat, teams, slack, mixed)"),
    };

    protected static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }
}

/// <summary><c>POST /api/chat</c> (and the baseline, which takes the same bodies): one conversation per connection.</summary>
public sealed class ChatTarget(Uri host, string runId) : Target
{
    private readonly Uri _url = new(host, "/api/chat");

    protected override Outgoing Build(long n, int connection)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["text"] = Questions.Pick(n),
            ["conversation"] = $"bench-{runId}-c{connection}",
        }, BenchJsonContext.Default.DictionaryStringString);
        return new(new HttpRequestMessage(HttpMethod.Post, _url) { Content = Json(body) }, null);
    }
}

/// <summary><c>POST /api/messages</c>: personal-chat activities, one conversation per connection, unique activity ids,
/// each with the signed token Azure Bot Service would send; the reply's URL ends with the activity id.</summary>
public sealed class TeamsTarget(Uri host, string runId, Uri standIn, string token) : Target
{
    private readonly Uri _url = new(host, "/api/messages");
    private readonly string _serviceUrl = new Uri(standIn, "/amer/").ToString();

    public override string? DeliveryKind => "teams";

    public override string KeyPrefix => $"bench-{runId}-";

    protected override Outgoing Build(long n, int connection)
    {
        var id = $"bench-{runId}-{n}";
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = _serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:bench-user-{connection}", ["name"] = "Bench User", ["aadObjectId"] = "7faf8ab2-3d5e-4a2a-8c5c-1a2b3c4d5e6f" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47", ["id"] = $"a:bench-{runId}-c{connection}" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + StandInConstants.TeamsAppId, ["name"] = "RecruiterBot" },
            ["textFormat"] = "plain",
            ["text"] = Questions.Pick(n),
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-86f1-41af-91ab-2d7cd011db47" } },
            ["locale"] = "en-US",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = Json(JsonSerializer.SerializeToUtf8Bytes(activity, BenchJsonContext.Default.JsonObject)) };
        request.Headers.Authorization = new("Bearer", token);
        return new(request, id);
    }
}

/// <summary><c>POST /slack/events</c>: signed <c>app_mention</c> events with unique event ids and ts; the bot answers in
/// the mention's thread, so the reply's <c>thread_ts</c> is the event's ts.</summary>
public sealed class SlackTarget(Uri host, string runId, string secret) : Target
{
    private readonly Uri _url = new(host, "/slack/events");
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(secret);
    private readonly long _eventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    // Unique across runs, so replies to an earlier run never count for this one.
    private readonly string _tsPrefix = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ".";

    public override string? DeliveryKind => "slack";

    public override string KeyPrefix => _tsPrefix;

    protected override Outgoing Build(long n, int connection)
    {
        var ts = _tsPrefix + n.ToString("D9", CultureInfo.InvariantCulture);
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["token"] = "unused-verification-token",
            ["team_id"] = "T0BENCH",
            ["api_app_id"] = "A0BENCH",
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{runId}{n}",
            ["event_time"] = _eventTime,
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = $"U0BENCH{connection}",
                ["text"] = "<@" + StandInConstants.SlackBotUserId + "> " + Questions.Pick(n),
                ["ts"] = ts,
                ["channel"] = "C0BENCH",
                ["event_ts"] = ts,
            },
        }, BenchJsonContext.Default.JsonObject);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes("v0:" + timestamp + ":").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, signed));
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = Json(body) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return new(request, ts);
    }
}

/// <summary>For the memory run: web chat, Teams and Slack interleaved (6:2:2); no delivery tracking.</summary>
public sealed class MixedTarget(Uri host, LoadOptions o) : Target
{
    private readonly Target _chat = new ChatTarget(host, o.RunId);
    private readonly Target _teams = new TeamsTarget(host, o.RunId, o.StandIn!, o.TeamsToken!);
    private readonly Target _slack = new SlackTarget(host, o.RunId, o.SlackSecret!);

    protected override Outgoing Build(long n, int connection) => (n % 10) switch
    {
        < 6 => _chat.Next(connection) with { DeliveryKey = null },
        < 8 => _teams.Next(connection) with { DeliveryKey = null },
        _ => _slack.Next(connection) with { DeliveryKey = null },
    };
}
