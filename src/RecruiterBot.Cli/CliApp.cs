using System.CommandLine;
using RecruiterBot.Cli.Commands;

namespace RecruiterBot.Cli;

/// <summary>The command line: <c>ask</c>, <c>check</c>, <c>stats</c>. Exit codes: 0 done, 1 failed, 2 bad usage.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var knowledgeOption = new Option<string?>("--knowledge")
        {
            Description = "Folder of the knowledge *.yaml files (default: Knowledge__Path, then knowledge/)",
            Recursive = true,
        };
        var root = new RootCommand("RecruiterBot: a recruiter's guide to the full-stack Python stack, on the command line.");
        root.Options.Add(knowledgeOption);
        var io = new CliIo(stdin, stdout, stderr, knowledgeOption);
        root.Subcommands.Add(AskCommand.Create(io));
        root.Subcommands.Add(CheckCommand.Create(io));
        root.Subcommands.Add(SlackManifestCommand.Create(io));
        root.Subcommands.Add(StatsCommand.Create(io));

        root.Subcommands.Add(TeamsPackageCommand.Create(io));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await stderr.WriteLineAsync("error: " + parsed.Errors[0].Message + " (see --help)");
            return BadUsage;
        }
        if (args.Length == 0)
        {
            await stderr.WriteLineAsync("error: no command given; try 'ask \"what is Celery?\"' or --help");
            return BadUsage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}

/// <summary>The streams and shared options a command works with (tests pass their own).</summary>
public sealed record CliIo(TextReader In, TextWriter Out, TextWriter Error, Option<string?> KnowledgeOption);
