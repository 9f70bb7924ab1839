using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Tests;

/// <summary>
/// Runs js/harness.js under Node with the official npm packages (adaptivecards, adaptivecards-templating,
/// playwright-core). The packages live in artifacts/node-cache/cards, installed by tests/setup/node.sh; when that
/// folder is missing the first test installs it the same way. A missing Node, npm or Chromium fails the test, never skips it.
/// </summary>
public static class NodeHarness
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly Lazy<string> NodeModules = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JsonObject Run(JsonObject request, TimeSpan? timeout = null)
    {
        var modules = NodeModules.Value;
        var script = Path.Combine(RepoPaths.Root, "tests", "RecruiterBot.Cards.Tests", "js", "harness.js");
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["NODE_PATH"] = modules;
        var (code, stdout, stderr) = Execute(start, request.ToJsonString(), timeout ?? TimeSpan.FromSeconds(120));
        if (code != 0) throw new InvalidOperationException($"node harness.js ({request["command"]}) failed with exit code {code}: {stderr}");
        return JsonNode.Parse(stdout)!.AsObject();
    }

    /// <summary>Fails with what to do when Chromium is not installed.</summary>
    public static void RequireChromium()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"Chromium is not installed at {Chromium}: the card render tests need it. "
                + "Run `bash tests/setup/chromium.sh` (apt-get install -y chromium) or `bash tests/run.sh`, which does it.");
    }

    private static string Install()
    {
        foreach (var tool in (string[])["node", "npm"])
        {
            try
            {
                var (code, _, _) = Execute(new ProcessStartInfo(tool, ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true }, null, TimeSpan.FromSeconds(30));
                if (code != 0) throw new InvalidOperationException($"`{tool} --version` exited with {code}");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException($"{tool} is not installed: the card tests run the official Adaptive Cards packages under Node.js 20+ (see tests/setup/node.sh).");
            }
        }
        var setup = Path.Combine(RepoPaths.Root, "tests", "setup", "node.sh");
        var (exit, _, err) = Execute(new ProcessStartInfo("bash", [setup]) { RedirectStandardOutput = true, RedirectStandardError = true }, null, TimeSpan.FromMinutes(5));
        if (exit != 0) throw new InvalidOperationException($"tests/setup/node.sh failed (exit {exit}): {err}");
        var modules = Path.Combine(RepoPaths.Root, "artifacts", "node-cache", "cards", "node_modules");
        if (!Directory.Exists(modules)) throw new InvalidOperationException($"npm packages missing after tests/setup/node.sh: {modules}");
        return modules;
    }

    private static (int Code, string Stdout, string Stderr) Execute(ProcessStartInfo start, string? input, TimeSpan timeout)
    {
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} took longer than {timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
