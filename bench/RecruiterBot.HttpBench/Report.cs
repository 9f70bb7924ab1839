using System.Globalization;
using System.Text;
using RecruiterBot.LoadGenerator;

namespace RecruiterBot.HttpBench;

/// <summary>CPU seconds each process on the bench's shared cores spent over a peak run.</summary>
public sealed record PeakCost(double ServerSeconds, double GeneratorSeconds, double StandInSeconds);

/// <summary>The bench's markdown: HTTP, memory and cold-start tables, and every target of issue 10 with its figure.</summary>
public sealed class Report(BenchOptions o)
{
    private readonly List<(string Label, string Path, LoadResult Peak, PeakCost Cost, LoadResult Half)> _paths = [];
    private int _envelopeBytes;
    private (double Start, double Half, double End, LoadResult First, LoadResult Second)? _memory;
    private (List<double> DotnetRun, List<double> Published)? _cold;

    public void AddPath(string label, string path, LoadResult peak, PeakCost cost, LoadResult half, int? envelopeBytes)
    {
        _paths.Add((label, path, peak, cost, half));
        if (envelopeBytes is { } b) _envelopeBytes = b;
    }

    public void SetMemory(double start, double half, double end, LoadResult first, LoadResult second) => _memory = (start, half, end, first, second);

    public void SetColdStart(List<double> dotnetRun, List<double> published) => _cold = (dotnetRun, published);

    private static double PeakRate(LoadResult r) => r.Delivery?.Rps ?? r.Rps;

    private double BaselineRate => _paths.Count > 0 ? PeakRate(_paths[0].Peak) : double.NaN;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"## HTTP: side by side with a bare minimal API");
        md.AppendLine();
        md.AppendLine(string.Create(inv, $"Release builds as separate processes on loopback, one run after the other, {o.Connections} connections and {o.Seconds:0} s per run, ")
                           + "the default SQLite store (a fresh file), Teams with token validation and Slack with signature checks on, replies to the "
                           + "bench's stand-in. Load from bench/RecruiterBot.LoadGenerator in its own process. Web chat mix: 70% definitions, 20% "
                           + "interview, 10% resume snippets (1-2 KB); Teams and Slack send the same texts. The baseline answers "
                           + string.Create(inv, $"{_envelopeBytes} bytes of constant JSON, the mean size of the host's answers in the mix."));
        md.AppendLine();
        md.AppendLine("**Peak** (closed loop). For Teams and Slack, which acknowledge first and answer afterwards, requests/s counts only the "
                      + "replies that reached the stand-in within 5 s of their request; p50/p99 are the acknowledgement's.");
        md.AppendLine();
        md.AppendLine("| path | requests/s | vs baseline | p50 ms | p99 ms | reply p50 / p99 ms | refused or failed |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (label, path, peak, _, _) in _paths)
            md.AppendLine(inv, $"| {label}: `{path}` | {PeakRate(peak):0} | {PeakRate(peak) / BaselineRate:P0} | {peak.P50Ms:0.00} | {peak.P99Ms:0.00} | {Replies(peak)} | {Failures(peak)} |");
        md.AppendLine();
        md.AppendLine("**CPU per answer at peak**: each process's CPU time over the peak run divided by the answers counted above (requests, or "
                      + "replies delivered for Teams and Slack, whose refused requests are part of their cost). The load generator and the stand-in "
                      + "run on the same cores as the server, so the last column is what one answer took from the machine.");
        md.AppendLine();
        md.AppendLine("| path | server µs | load generator µs | stand-in µs | all three µs |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (label, _, peak, cost, _) in _paths)
        {
            var answers = PeakRate(peak) * peak.Seconds;
            double PerAnswer(double seconds) => answers > 0 ? seconds * 1e6 / answers : double.NaN;
            md.AppendLine(inv, $"| {label} | {PerAnswer(cost.ServerSeconds):0} | {PerAnswer(cost.GeneratorSeconds):0} | {PerAnswer(cost.StandInSeconds):0} | {PerAnswer(cost.ServerSeconds + cost.GeneratorSeconds + cost.StandInSeconds):0} |");
        }
        md.AppendLine();
        md.AppendLine("**Half of each path's own peak** (open loop: a fixed request rate, each connection on its own schedule, after 5 s at the rate "
                      + "that are not counted; latency from each request's scheduled send time, so a stall counts against every request it delays).");
        md.AppendLine();
        md.AppendLine("| path | rate held (req/s) | p50 ms | p99 ms | max ms | reply p50 / p99 ms | refused or failed |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (label, path, _, _, half) in _paths)
            md.AppendLine(inv, $"| {label}: `{path}` | {half.Rate:0} | {half.P50Ms:0.00} | {half.P99Ms:0.00} | {half.MaxMs:0.00} | {Replies(half)} | {Failures(half)} |");

        if (_memory is { } m)
        {
            md.AppendLine();
            md.AppendLine("## Memory");
            md.AppendLine();
            md.AppendLine(string.Create(inv, $"A fresh published host; working set (VmRSS) after start and after each half of {m.First.Sent + m.Second.Sent:N0} mixed requests ")
                          + string.Create(inv, $"(60% web chat, 20% Teams, 20% Slack; closed loop, {o.Connections} connections; {(m.First.Rps + m.Second.Rps) / 2:0} ok/s on average; ")
                          + "Teams and Slack refuse with 503 while their reply queue is full).");
            md.AppendLine();
            md.AppendLine("| point | working set (MB) |");
            md.AppendLine("| --- | ---: |");
            md.AppendLine(inv, $"| after start | {m.Start:0.0} |");
            md.AppendLine(inv, $"| after {m.First.Sent:N0} requests | {m.Half:0.0} |");
            md.AppendLine(inv, $"| after {m.First.Sent + m.Second.Sent:N0} requests | {m.End:0.0} |");
            md.AppendLine();
            md.AppendLine(inv, $"Growth over the second half: {m.End - m.Half:+0.0;-0.0;0.0} MB ({(m.End - m.Half) / m.Half:+0.0%;-0.0%;0.0%}).");
        }
        if (_cold is { } c)
        {
            md.AppendLine();
            md.AppendLine("## Cold start");
            md.AppendLine();
            md.AppendLine("From process start to the first 200 from `POST /api/chat` (polled every 5 ms), a fresh SQLite file each time.");
            md.AppendLine();
            md.AppendLine("| build | runs (ms) | median (ms) |");
            md.AppendLine("| --- | --- | ---: |");
            md.AppendLine(inv, $"| `dotnet run --no-build -c Release` | {string.Join(", ", c.DotnetRun.Select(v => v.ToString("0", inv)))} | {Median(c.DotnetRun):0} |");
            md.AppendLine(inv, $"| published, ReadyToRun | {string.Join(", ", c.Published.Select(v => v.ToString("0", inv)))} | {Median(c.Published):0} |");
        }
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("| --- | ---: | :---: |");
        foreach (var (name, measured, met) in Targets())
            md.AppendLine(inv, $"| {name} | {measured} | {(met is null ? "-" : met.Value ? "yes" : "**no**")} |");
        return md.ToString();
    }

    private IEnumerable<(string Name, string Measured, bool? Met)> Targets()
    {
        var inv = CultureInfo.InvariantCulture;
        if (o.BenchmarkDotNetResults is { } folder && Directory.Exists(folder))
        {
            var rows = BenchmarkDotNetCsv.Read(folder);
            foreach (var (name, method, param, limitUs) in new[]
                     {
                         ("matching a typical question < 20 µs (median)", "match: typical question", (string?)null, 20.0),
                         ("matching an out-of-guide question < 20 µs (median)", "match: out-of-guide question", null, 20.0),
                         ("reading a 5 KB resume < 200 µs (median)", "resume read", "5", 200.0),
                     })
            {
                var row = rows.FirstOrDefault(r => r.Method.Contains(method, StringComparison.Ordinal) && (param is null || r.Params.Contains(param)));
                yield return row is null ? (name, "not run", null) : (name, $"{row.MedianUs:0.0} µs", row.MedianUs < limitUs);
            }
            var cards = rows.Where(r => r.Method.Contains("bind", StringComparison.Ordinal)).ToList();
            if (cards.Count > 0)
            {
                var slowest = cards.MaxBy(r => r.MedianUs)!;
                yield return ("binding a card < 50 µs (median, slowest answer kind)", $"{slowest.MedianUs:0.0} µs ({string.Join(" ", slowest.Params)}, {slowest.Method.Trim('\'')})", slowest.MedianUs < 50);
            }
        }
        foreach (var (label, path, peak, _, half) in _paths.Skip(1))
        {
            var floor = path.Contains("/api/chat", StringComparison.Ordinal) ? 0.5 : 0.3;
            var ratio = PeakRate(peak) / BaselineRate;
            yield return ($"`{path}` ≥ {floor:P0} of the baseline's requests/s" + (peak.Delivery is null ? "" : " (replies delivered)"), ratio.ToString("P0", inv), ratio >= floor);
        }
        foreach (var (label, path, _, _, half) in _paths.Skip(1))
            yield return ($"`{path}` p99 < 10 ms at half its peak ({half.Rate:0} req/s)", $"{half.P99Ms:0.00} ms", half.P99Ms < 10);
        if (_cold is { } c)
            yield return ("cold start of the published build < 1 s (median)", $"{Median(c.Published):0} ms", Median(c.Published) < 1000);
        if (_memory is { } m)
        {
            yield return ("working set after the load < 150 MB", $"{m.End:0.0} MB", m.End < 150);
            // Growth within the GC's and SQLite's page cache noise (5%) is not a leak.
            yield return ("no growth over the second half of the requests", $"{m.End - m.Half:+0.0;-0.0;0.0} MB", m.End - m.Half <= m.Half * 0.05);
        }
    }

    private static string Replies(LoadResult r) =>
        r.Delivery is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.P50Ms:0.0} / {d.P99Ms:0.0}") : "-";

    private static string Failures(LoadResult r)
    {
        var failed = r.Failed + (r.Delivery is { } d ? d.Late + d.Missing : 0);
        if (failed == 0) return "0";
        var detail = string.Join(", ", r.Statuses.Where(s => !s.Key.StartsWith('2')).Select(s => $"{s.Key}: {s.Value}"));
        if (r.Delivery is { } dd && dd.Late + dd.Missing > 0) detail += (detail.Length > 0 ? ", " : "") + $"replies late {dd.Late}, missing {dd.Missing}";
        return string.Create(CultureInfo.InvariantCulture, $"{failed} ({detail})");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
