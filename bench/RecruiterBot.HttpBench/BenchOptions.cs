namespace RecruiterBot.HttpBench;

/// <summary>Command line of the HTTP bench (bench/run.sh passes it): where the builds are and where results go.</summary>
public sealed class BenchOptions
{
    public required string HostDir { get; init; }
    public required string BaselineDir { get; init; }
    public required string Repo { get; init; }
    public required string Out { get; init; }
    public required string Artifacts { get; init; }
    /// <summary>BenchmarkDotNet's results folder (its CSV reports feed the targets table); optional.</summary>
    public string? BenchmarkDotNetResults { get; init; }
    public bool Quick { get; init; }
    /// <summary>Parts left out (<c>--skip memory,cold</c>): <c>http</c>, <c>memory</c>, <c>cold</c>.</summary>
    public IReadOnlySet<string> Skip { get; init; } = new HashSet<string>();
    /// <summary>The host's paths to load (<c>--paths chat,teams</c>, default all three): to look into one path
    /// without the whole run. The baseline always runs.</summary>
    public IReadOnlySet<string> Paths { get; init; } = AllPaths;

    public static readonly IReadOnlySet<string> AllPaths = new HashSet<string> { "chat", "teams", "slack" };

    public int Connections { get; init; } = 16;
    public double Seconds => Quick ? 3 : 15;
    // Long enough for tiered compilation to settle (R2R code is re-jitted with PGO while hot): 20 s at a steady rate halved the host's CPU per request.
    public double WarmupSeconds => Quick ? 2 : 15;
    public long MemoryRequests => Quick ? 10_000 : 100_000;
    public int ColdStartRuns => Quick ? 1 : 5;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick") quick = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) values[args[i][2..]] = args[++i];
            else throw new ArgumentException($"unexpected argument {args[i]}");
        }
        string Required(string key) => values.TryGetValue(key, out var v) ? Path.GetFullPath(v) : throw new ArgumentException($"--{key} is required");
        return new BenchOptions
        {
            HostDir = Required("host-dir"),
            BaselineDir = Required("baseline-dir"),
            Repo = Required("repo"),
            Out = Required("out"),
            Artifacts = Required("artifacts"),
            BenchmarkDotNetResults = values.TryGetValue("bdn-results", out var bdn) ? Path.GetFullPath(bdn) : null,
            Quick = quick,
            Skip = values.TryGetValue("skip", out var skip) ? skip.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : new HashSet<string>(),
            Paths = values.TryGetValue("paths", out var paths) ? ParsePaths(paths) : AllPaths,
            Connections = values.TryGetValue("connections", out var c) ? int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : 16,
        };
    }

    private static HashSet<string> ParsePaths(string list)
    {
        var paths = list.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        if (paths.Count == 0 || !paths.IsSubsetOf(AllPaths)) throw new ArgumentException($"--paths takes a comma-separated list of {string.Join(", ", AllPaths)}");
        return paths;
    }
}
