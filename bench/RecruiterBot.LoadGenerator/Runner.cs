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
    // Open loop: a connection this far behind its schedule stops; its unsent requests count as failed.
    private const double MaxBehindSeconds = 10;

    private readonly ConcurrentBag<Sample> _samples = [];
    private readonly ConcurrentDictionary<string, long> _statuses = new();
    private readonly ConcurrentDictionary<string, double> _sentAt = new();
    private long _sent;

    private readonly record struct Sample(double StartMs, double LatencyMs, long Bytes);

    public async Task<LoadResult> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var cpuAtStart = OwnCpuTime();
        if (options.Rate > 0)
        {
            // A fresh generator stalls for its first few hundred milliseconds (JIT, connections, thread pool), which
            // would count against the server at the tail. Hold the rate unmeasured first, then start counting afresh.
            await OpenLoopAsync(clock, options.OpenLoopWarmupSeconds);
            _samples.Clear();
            _statuses.Clear();
            _sentAt.Clear();
            _sent = 0;
            clock.Restart();
            cpuAtStart = OwnCpuTime();
            await OpenLoopAsync(clock, options.DurationSeconds);
        }
        else await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(c => ClosedLoopAsync(c, clock)));
        var cpu = OwnCpuTime() - cpuAtStart;
        var seconds = options.Rate > 0 ? options.DurationSeconds : clock.Elapsed.TotalSeconds;

        var samples = _samples.ToArray();
        if (options.SamplesPath is { } path)
            await File.WriteAllLinesAsync(path, samples.OrderBy(s => s.StartMs).Select(s => FormattableString.Invariant($"{s.StartMs:0.###} {s.LatencyMs:0.###}")));
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
            CpuSeconds = Math.Round(cpu.TotalSeconds, 3),
        };
    }

    private static TimeSpan OwnCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
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

    private async Task OpenLoopAsync(Stopwatch clock, double seconds)
    {
        // wrk2's model: every connection holds its share of the rate on its own schedule, one request at a time, the
        // schedules staggered across connections. A connection whose answer comes late sends its next request at once,
        // and that request's latency still counts from when it was due. No task per request, no shared queue: with
        // 2 cores, a generator that queues and batches adds its own milliseconds to every figure it reports.
        var intervalMs = 1000.0 * options.Connections / options.Rate;
        var perConnection = (long)(options.Rate * seconds / options.Connections);
        var giveUpMs = (seconds + MaxBehindSeconds) * 1000;
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(c => Task.Run(async () =>
        {
            var offsetMs = intervalMs * c / options.Connections;
            for (long k = 0; k < perConnection; k++)
            {
                var dueMs = offsetMs + k * intervalMs;
                var now = clock.Elapsed.TotalMilliseconds;
                if (now > giveUpMs)
                {
                    // The server fell too far behind: what was never sent counts as failed.
                    Interlocked.Add(ref _sent, perConnection - k);
                    _statuses.AddOrUpdate("overload", perConnection - k, (_, n) => n + perConnection - k);
                    return;
                }
                // Sleep, never spin (a spinning generator takes a core from the server it measures). Timers fire on
                // whole milliseconds, so a request may go out up to a millisecond early or late; its latency counts
                // from the earlier of its due time and its real send.
                if (dueMs - now >= 1) await Task.Delay(TimeSpan.FromMilliseconds(dueMs - now));
                Interlocked.Increment(ref _sent);
                await SendAsync(c, Math.Min(dueMs, clock.Elapsed.TotalMilliseconds), clock);
            }
        })));
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
            if (response.IsSuccessStatusCode) _samples.Add(new Sample(startMs, latency, bytes));
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
            // The stand-in also holds the warm-up's replies: count only this run's.
            if (_sentAt.Keys.Count(arrivals.ContainsKey) >= _sentAt.Count || UnixMs() > waitUntil) break;
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
