using System.Globalization;

namespace RecruiterBot.LoadGenerator;

/// <summary>Command line: <c>--target chat --url http://127.0.0.1:5000 --connections 16 --duration 10 [--rate 2000 [--warmup 5]]
/// [--requests 50000] [--standin URL --teams-token T] [--slack-secret S] [--run-id ID] [--samples FILE]</c>.</summary>
public sealed class LoadOptions
{
    public string Target { get; private set; } = "chat";
    public Uri Url { get; private set; } = new("http://127.0.0.1:3978");
    public int Connections { get; private set; } = 16;
    public double DurationSeconds { get; private set; } = 10;
    /// <summary>Open loop: requests per second held whatever the latency; 0 = closed loop.</summary>
    public double Rate { get; private set; }
    /// <summary>Open loop: seconds at the rate before measuring, so the generator's own start-up is not counted. Its
    /// tier-up compiles run 1-3 s into a run and, on 2 cores shared with the server, showed as the server's p99 (with 2 s,
    /// the slow requests of a run at 2,800/s sat in its first 1.5 s). Compiling fully up front instead (no tiering) cost the
    /// generator a quarter of its peak, which would flatter every ratio to the baseline.</summary>
    public double OpenLoopWarmupSeconds { get; private set; } = 5;
    /// <summary>Closed loop: stop after this many requests instead of after the duration (0 = by duration).</summary>
    public long Requests { get; private set; }
    public Uri? StandIn { get; private set; }
    public string? TeamsToken { get; private set; }
    public string? SlackSecret { get; private set; }
    public string RunId { get; private set; } = Guid.NewGuid().ToString("N")[..8];
    /// <summary>Replies reaching the stand-in later than this after their request count as not delivered.</summary>
    public double DeliveryDeadlineSeconds { get; private set; } = 5;
    /// <summary>Writes every answered request's send time and latency (ms, one "send latency" line each) to this file,
    /// to see when in a run the slow ones came (a stall, or a tail spread over the run).</summary>
    public string? SamplesPath { get; private set; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--target": o.Target = Value(); break;
                case "--url": o.Url = new Uri(Value()); break;
                case "--connections": o.Connections = (int)Number(); break;
                case "--duration": o.DurationSeconds = Number(); break;
                case "--rate": o.Rate = Number(); break;
                case "--warmup": o.OpenLoopWarmupSeconds = Number(); break;
                case "--requests": o.Requests = (long)Number(); break;
                case "--standin": o.StandIn = new Uri(Value()); break;
                case "--teams-token": o.TeamsToken = Value(); break;
                case "--slack-secret": o.SlackSecret = Value(); break;
                case "--run-id": o.RunId = Value(); break;
                case "--deadline": o.DeliveryDeadlineSeconds = Number(); break;
                case "--samples": o.SamplesPath = Value(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Connections is < 1 or > 1024) throw new ArgumentException("--connections must be 1..1024");
        if (o.DurationSeconds is <= 0 or > 600) throw new ArgumentException("--duration must be in (0, 600] seconds");
        if (o.OpenLoopWarmupSeconds is < 0 or > 60) throw new ArgumentException("--warmup must be 0..60 seconds");
        if (o.Rate < 0) throw new ArgumentException("--rate must be positive");
        if (o.Rate > 0 && o.Requests > 0) throw new ArgumentException("--requests is for the closed loop only");
        return o;
    }
}
