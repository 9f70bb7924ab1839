using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RecruiterBot.LoadGenerator;

namespace RecruiterBot.HttpBench;

/// <summary>Runs bench/RecruiterBot.LoadGenerator as its own process (so its work is not this process's) and reads its JSON.</summary>
public sealed class LoadRun(StandIn standIn, string outputFolder)
{
    private static readonly string GeneratorDll = Path.Combine(AppContext.BaseDirectory, "RecruiterBot.LoadGenerator.dll");

    public async Task<LoadResult> RunAsync(string name, string target, Uri url, int connections, double seconds, double rate = 0, long requests = 0)
    {
        var args = new List<string>
        {
            GeneratorDll, "--target", target, "--url", url.ToString(), "--connections", connections.ToString(CultureInfo.InvariantCulture),
            "--duration", seconds.ToString(CultureInfo.InvariantCulture), "--standin", standIn.BaseUrl,
            "--teams-token", standIn.CreateToken(), "--slack-secret", StandIn.SlackSigningSecret,
        };
        // An open loop's requests are kept too (send time and latency), to see whether a p99 came from a stall.
        if (rate > 0) args.AddRange(["--rate", rate.ToString("0.#", CultureInfo.InvariantCulture), "--samples", Path.Combine(outputFolder, name + ".samples.txt")]);
        if (requests > 0) args.AddRange(["--requests", requests.ToString(CultureInfo.InvariantCulture)]);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the load generator");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = (await stdout).Trim();
        await File.WriteAllTextAsync(Path.Combine(outputFolder, name + ".json"), json + Environment.NewLine);
        if (process.ExitCode != 0 || json.Length == 0)
            throw new InvalidOperationException($"the load generator failed ({name}, exit {process.ExitCode}): {await stderr}");
        var result = JsonSerializer.Deserialize(json, BenchJsonContext.Default.LoadResult)!;
        Console.Error.WriteLine($"  {name}: {Summary(result)}");
        return result;
    }

    private static string Summary(LoadResult r) =>
        $"{r.Rps:0} rps, p50 {r.P50Ms:0.00} ms, p99 {r.P99Ms:0.00} ms, {r.Failed} failed"
        + (r.Delivery is { } d ? $"; replies within 5 s: {d.Rps:0}/s (late {d.Late}, missing {d.Missing}), p50 {d.P50Ms:0.0} ms, p99 {d.P99Ms:0.0} ms" : "");
}
