using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RecruiterBot.HttpBench;

/// <summary>A server started for the bench (host, baseline, <c>dotnet run</c>): its output goes to a log file, and it
/// is killed with its children when disposed.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, Stopwatch sinceStart)
    {
        _process = process;
        _log = log;
        SinceStart = sinceStart;
    }

    public int Id => _process.Id;
    public Uri Url { get; private init; } = null!;
    /// <summary>Started just before the process was.</summary>
    public Stopwatch SinceStart { get; }

    public static ServerProcess Start(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, string workingDirectory,
        int port, string logPath)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var log = new StreamWriter(logPath, append: true, Encoding.UTF8) { AutoFlush = true };
        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, stopwatch) { Url = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>Polls <c>POST /api/chat</c> until it answers 200; the time from process start to that answer.</summary>
    public async Task<TimeSpan> WaitForFirstAnswerAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var url = new Uri(Url, "/api/chat");
        while (SinceStart.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the server exited with {_process.ExitCode} before answering; see its log");
            try
            {
                using var content = new StringContent("{\"text\":\"what is Celery?\"}", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                if (response.StatusCode == HttpStatusCode.OK) return SinceStart.Elapsed;
            }
            catch (HttpRequestException) { }
            await Task.Delay(5);
        }
        throw new TimeoutException($"no 200 from {url} within {timeout.TotalSeconds} s");
    }

    /// <summary>The CPU time (user and system) the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The resident set (VmRSS), in MB.</summary>
    public double WorkingSetMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
