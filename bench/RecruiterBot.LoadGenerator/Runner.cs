using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace RecruiterBot.LoadGenerator;

/// <summary>
/// Sends the load. Closed loop: <c>N</c> connections, each sending its next request when the previous one answered
/// (the peak rate). Open loop: a fixed rate whatever the answers do, latency measured from each request's scheduled
/// send time, so a stall counts for every request it delays (no coordinated omission).
/// </summary>
public sealed class Runner(LoadOptions options, Target target, HttpClient http)
{
    // Open loop: more requests in flight than this and the server is not keeping up; the rest count as failed.
    private const int MaxInFlight = 20_000;

    private readonly ConcurrentBag<Sample> _samples = [];
    private readonly ConcurrentDictionary<string, long> _statuses = new();
    private readonly ConcurrentDictionary<string, double> _sentAt = new();
    private long _sent;

    private readonly record struct Sample(double LatencyMs, long Bytes);

    public async Task<LoadResult> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        if (options.Rate > 0) await OpenLoopAsync(clock);
        else await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(c => ClosedLoopAsync(c, clock)));
        var seconds = options.Rate > 0 ? options.DurationSeconds : clock.Elapsed.TotalSeconds;

        var samples = _samples.ToArray();
        var latencies = samples.Select(s => s.LatencyMs).Order().ToArray();
        var ok = samples.LongLength;
        return new LoadResult
        {
            Target = options.Target,
            Mode = options.Rate > 0 ? "open" : "closed",
            Connections = options.Connections,
            Rate = options.Rate,
            Seconds = Math.Round(seconds, 3),
            Sent = _sent,
            Ok = ok,
            Failed = _sent - ok,
            Statuses = new Dictionary<string, long>(_statuses),
            Rps = Math.Round(ok / seconds, 1),
            P50Ms = Percentile(latencies, 0.50),
            P99Ms = Percentile(latencies, 0.99),
            MaxMs = latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 3),
            MeanResponseBytes = ok == 0 ? 0 : Math.Round(samples.Average(s => (double)s.Bytes), 1),
            Delivery = target.DeliveryKind is { } kind ? await DeliveryAsync(kind, seconds) : null,
        };
    }

    private async Task ClosedLoopAsync(int connection, Stopwatch clock)
    {
        var end = TimeSpan.FromSeconds(options.DurationSeconds);
        while (options.Requests > 0 ? Interlocked.Increment(ref _sent) <= options.Requests : clock.Elapsed < end)
        {
            if (options.Requests == 0) Interlocked.Increment(ref _sent);
            await SendAsync(connection, clock.Elapsed.TotalMilliseconds, clock);
        }
        if (options.Requests > 0) Interlocked.Decrement(ref _sent);
    }

    private async Task OpenLoopAsync(Stopwatch clock)
    {
        var total = (long)(options.Rate * options.DurationSeconds);
        var inFlight = new List<Task>();
        var running = 0;
        for (long i = 0; i < total;)
        {
            var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * options.Rate) + 1);
            for (; i < due; i++)
            {
                _sent++;
                var scheduledMs = i * 1000.0 / options.Rate;
                if (Volatile.Read(ref running) >= MaxInFlight)
                {
                    _statuses.AddOrUpdate("overload", 1, (_, c) => c + 1);
                    continue;
                }
                Interlocked.Increment(ref running);
                var connection = (int)(i % options.Connections);
                inFlight.Add(Task.Run(async () =>
                {
                    try { await SendAsync(connection, scheduledMs, clock); }
                    finally { Interlocked.Decrement(ref running); }
                }));
            }
            // Sleep, never spin: on 2 cores a spinning generator takes a core from the server it measures. What falls
            // due meanwhile goes out on waking, its latency still counted from its scheduled time.
            var next = TimeSpan.FromMilliseconds(i * 1000.0 / options.Rate) - clock.Elapsed;
            await Task.Delay(next > TimeSpan.FromMilliseconds(1) ? next : TimeSpan.FromMilliseconds(1));
        }
        await Task.WhenAll(inFlight);
    }

    /// <summary>Sends one request; <paramref name="startMs"/> is when it was (or was scheduled to be) sent.</summary>
    private async Task SendAsync(int connection, double startMs, Stopwatch clock)
    {
        var outgoing = target.Next(connection);
        if (outgoing.DeliveryKey is { } key) _sentAt[key] = UnixMs() - (clock.Elapsed.TotalMilliseconds - startMs);
        try
        {
            using var request = outgoing.Request;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            var latency = clock.Elapsed.TotalMilliseconds - startMs;
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
            if (response.IsSuccessStatusCode) _samples.Add(new Sample(latency, bytes));
            else if (outgoing.DeliveryKey is { } refused) _sentAt.TryRemove(refused, out _);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _statuses.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
            if (outgoing.DeliveryKey is { } lost) _sentAt.TryRemove(lost, out _);
        }
    }

    /// <summary>Waits for the replies (at most the deadline after the last request), then matches them to the requests.</summary>
    private async Task<DeliveryResult> DeliveryAsync(string kind, double seconds)
    {
        var deadlineMs = options.DeliveryDeadlineSeconds * 1000;
        var url = new Uri(options.StandIn!, $"/bench/arrivals/{kind}?prefix={Uri.EscapeDataString(target.KeyPrefix)}");
        var waitUntil = UnixMs() + deadlineMs + 500;
        Dictionary<string, double> arrivals;
        while (true)
        {
            arrivals = await http.GetFromJsonAsync(url, BenchJsonContext.Default.DictionaryStringDouble) ?? [];
            if (arrivals.Count >= _sentAt.Count || UnixMs() > waitUntil) break;
            await Task.Delay(250);
        }
        var times = new List<double>(_sentAt.Count);
        long late = 0, missing = 0;
        foreach (var (key, sentAt) in _sentAt)
        {
            if (!arrivals.TryGetValue(key, out var at)) { missing++; continue; }
            var ms = at - sentAt;
            if (ms <= deadlineMs) times.Add(ms);
            else late++;
        }
        times.Sort();
        var sorted = times.ToArray();
        return new DeliveryResult
        {
            Acknowledged = _sentAt.Count,
            Delivered = sorted.Length,
            Late = late,
            Missing = missing,
            Rps = Math.Round(sorted.Length / seconds, 1),
            P50Ms = Percentile(sorted, 0.50),
            P99Ms = Percentile(sorted, 0.99),
        };
    }

    private static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 3);
}
