using System.Diagnostics;
using RecruiterBot.HttpBench;
using RecruiterBot.LoadGenerator;

// The HTTP, cold-start and memory bench: real processes on loopback, one after the other, same connections and
// duration for every path. bench/run.sh builds what it needs and passes the folders; see "Benchmarks" in the README.
BenchOptions o;
try { o = BenchOptions.Parse(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
Directory.CreateDirectory(o.Artifacts);
var temp = Directory.CreateTempSubdirectory("recruiterbot-bench-");
await using var standIn = await StandIn.StartAsync();
var runs = new LoadRun(standIn, o.Artifacts);
var report = new Report(o);
var hostExe = Path.Combine(o.HostDir, "RecruiterBot.Host");
var settle = TimeSpan.FromSeconds(o.Quick ? 0.5 : 2);

ServerProcess StartHost(string name)
{
    var env = new Dictionary<string, string>(standIn.HostSettings())
    {
        ["Storage__SqlitePath"] = Path.Combine(temp.FullName, name, "recruiterbot.db"),
    };
    // Started from its own folder, as the README's deployment does: the content root (appsettings.json) is the working directory.
    return ServerProcess.Start(hostExe, [], env, o.HostDir, ServerProcess.FreePort(), Path.Combine(o.Artifacts, name + ".log"));
}

try
{
    if (!o.Skip.Contains("http")) await HttpAsync();
    if (!o.Skip.Contains("memory")) await MemoryAsync();
    if (!o.Skip.Contains("cold")) await ColdStartAsync();
}
finally
{
    try { temp.Delete(recursive: true); } catch (IOException) { }
}

await File.WriteAllTextAsync(o.Out, report.ToMarkdown());
Console.Error.WriteLine($"Wrote {o.Out}");
return 0;

async Task HttpAsync()
{
    Console.Error.WriteLine($"HTTP: {o.Connections} connections, {o.Seconds} s per run (stand-in at {standIn.BaseUrl})");
    using (var host = StartHost("host"))
    {
        await host.WaitForFirstAnswerAsync(TimeSpan.FromSeconds(60));
        // Warm-up: JIT tiers, connection pools, the signing keys and the bot's token, SQLite's pages.
        var warm = await runs.RunAsync("warmup-chat", "chat", host.Url, o.Connections, o.WarmupSeconds);
        await runs.RunAsync("warmup-teams", "teams", host.Url, o.Connections, o.WarmupSeconds);
        await runs.RunAsync("warmup-slack", "slack", host.Url, o.Connections, o.WarmupSeconds);

        var envelopeBytes = (int)Math.Round(warm.MeanResponseBytes);
        using (var baseline = ServerProcess.Start(Path.Combine(o.BaselineDir, "RecruiterBot.Baseline"), [],
                   new Dictionary<string, string> { ["Baseline__BodyBytes"] = envelopeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                   temp.FullName, ServerProcess.FreePort(), Path.Combine(o.Artifacts, "baseline.log")))
        {
            await baseline.WaitForFirstAnswerAsync(TimeSpan.FromSeconds(30));
            await runs.RunAsync("warmup-baseline", "baseline", baseline.Url, o.Connections, o.WarmupSeconds);
            await Task.Delay(settle);
            var (peak, cost) = await PeakAsync("baseline-peak", "baseline", baseline);
            await Task.Delay(settle);
            var half = await runs.RunAsync("baseline-half", "baseline", baseline.Url, o.Connections, o.Seconds, rate: peak.Rps / 2);
            report.AddPath("baseline (bare minimal API)", "POST /api/chat on RecruiterBot.Baseline", peak, cost, half, envelopeBytes);
        }

        foreach (var (target, label, path) in new[]
                 {
                     ("chat", "web chat", "POST /api/chat"),
                     ("teams", "Teams", "POST /api/messages"),
                     ("slack", "Slack", "POST /slack/events"),
                 })
        {
            if (!o.Paths.Contains(target)) continue;
            await Task.Delay(settle);
            var (peak, cost) = await PeakAsync(target + "-peak", target, host);
            await Task.Delay(settle);
            var peakRate = peak.Delivery?.Rps ?? peak.Rps;
            var half = await runs.RunAsync(target + "-half", target, host.Url, o.Connections, o.Seconds, rate: peakRate / 2);
            report.AddPath(label, path, peak, cost, half, null);
        }
    }
}

// A peak run, and the CPU time each process on the shared cores spent over it: the server, the load generator (its
// own figure, while sending) and this process, which is the Teams and Slack stand-in.
async Task<(LoadResult Peak, PeakCost Cost)> PeakAsync(string name, string target, ServerProcess server)
{
    using var self = Process.GetCurrentProcess();
    var serverBefore = server.CpuTime();
    var selfBefore = self.TotalProcessorTime;
    var peak = await runs.RunAsync(name, target, server.Url, o.Connections, o.Seconds);
    self.Refresh();
    return (peak, new PeakCost((server.CpuTime() - serverBefore).TotalSeconds, peak.CpuSeconds, (self.TotalProcessorTime - selfBefore).TotalSeconds));
}

async Task MemoryAsync()
{
    Console.Error.WriteLine($"Memory: {o.MemoryRequests} mixed requests on a fresh host");
    using (var host = StartHost("memory"))
    {
        await host.WaitForFirstAnswerAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var atStart = host.WorkingSetMb();
        var half = o.MemoryRequests / 2;
        var first = await runs.RunAsync("memory-1", "mixed", host.Url, o.Connections, 600, requests: half);
        await Task.Delay(TimeSpan.FromSeconds(3)); // let queued Teams and Slack replies finish
        var atHalf = host.WorkingSetMb();
        var second = await runs.RunAsync("memory-2", "mixed", host.Url, o.Connections, 600, requests: half);
        await Task.Delay(TimeSpan.FromSeconds(3));
        report.SetMemory(atStart, atHalf, host.WorkingSetMb(), first, second);
    }
}

async Task ColdStartAsync()
{
    Console.Error.WriteLine($"Cold start: {o.ColdStartRuns} run(s) each");
    var dotnetRun = new List<double>();
    var published = new List<double>();
    for (var i = 0; i < o.ColdStartRuns; i++)
    {
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(temp.FullName, $"cold-run-{i}", "recruiterbot.db") };
        using (var run = ServerProcess.Start("dotnet", ["run", "--project", Path.Combine(o.Repo, "src", "RecruiterBot.Host"), "--no-build", "-c", "Release"],
                   env, o.Repo, ServerProcess.FreePort(), Path.Combine(o.Artifacts, "cold-dotnet-run.log")))
            dotnetRun.Add((await run.WaitForFirstAnswerAsync(TimeSpan.FromSeconds(120))).TotalMilliseconds);
        env["Storage__SqlitePath"] = Path.Combine(temp.FullName, $"cold-published-{i}", "recruiterbot.db");
        using (var run = ServerProcess.Start(hostExe, [], env, o.HostDir, ServerProcess.FreePort(),
                   Path.Combine(o.Artifacts, "cold-published.log")))
            published.Add((await run.WaitForFirstAnswerAsync(TimeSpan.FromSeconds(60))).TotalMilliseconds);
        Console.Error.WriteLine($"  run {i + 1}: dotnet run {dotnetRun[^1]:0} ms, published {published[^1]:0} ms");
    }
    report.SetColdStart(dotnetRun, published);
}
