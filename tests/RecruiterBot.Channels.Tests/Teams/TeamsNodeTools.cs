using System.Diagnostics;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>
/// The Node tools of the Teams tests (tests/node-teams: the manifest validator, the Agents Playground), installed into
/// artifacts/node-cache/teams/ by tests/setup/node.sh. Runs that script when the tools are missing, so `dotnet test`
/// alone works; fails with a clear message when Node or the packages cannot be had.
/// </summary>
public static class TeamsNodeTools
{
    private static readonly Lazy<string> Installed = new(Install);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>artifacts/node-cache/teams/node_modules, installed if needed.</summary>
    public static string NodeModules => Installed.Value;

    public static string ScriptsFolder => Path.Combine(RepositoryRoot, "tests", "node-teams");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RecruiterBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("RecruiterBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Install()
    {
        var cache = Path.Combine(RepositoryRoot, "artifacts", "node-cache", "teams");
        var modules = Path.Combine(cache, "node_modules");
        var marker = Path.Combine(cache, "installed.lock.json");
        if (!Directory.Exists(modules) || !File.Exists(marker) || File.ReadAllText(marker) != File.ReadAllText(Path.Combine(ScriptsFolder, "package-lock.json")))
        {
            var (code, output) = Run("bash", [Path.Combine(RepositoryRoot, "tests", "setup", "node.sh")], RepositoryRoot, TimeSpan.FromMinutes(5));
            if (code != 0) throw new InvalidOperationException("tests/setup/node.sh failed (Node and npm are needed for the Teams tests):\n" + output);
        }
        if (!Directory.Exists(Path.Combine(modules, "@microsoft", "app-manifest")))
            throw new InvalidOperationException("the Teams Node tools are missing from " + modules + "; run tests/setup/node.sh");
        return modules;
    }

    /// <summary>Runs node on a script of tests/node-teams with the installed packages on NODE_PATH.</summary>
    public static (int ExitCode, string Output) RunNodeScript(string script, params string[] args)
    {
        var env = new Dictionary<string, string> { ["NODE_PATH"] = NodeModules };
        return Run("node", [Path.Combine(ScriptsFolder, script), .. args], ScriptsFolder, TimeSpan.FromMinutes(1), env);
    }

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException($"'{file}' is not installed: {e.Message}", e); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} did not finish within {timeout}");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
