using System.CommandLine;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Cli.Commands;

/// <summary><c>check</c>: validates the knowledge files and card templates so a content owner can check an edit before deploying.</summary>
internal static class CheckCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("check", "Validate the knowledge files and the card templates; lists every problem and exits 1 if there is any.");
        command.SetAction(parsed =>
        {
            var folder = KnowledgeSource.Folder(parsed, io);
            var (kb, problems) = KnowledgeLoader.TryLoadFolder(folder);
            foreach (var p in problems) io.Error.WriteLine(p.ToString());
            if (kb is null || problems.Count > 0)
            {
                io.Error.WriteLine($"{problems.Count} problem(s) found.");
                return CliApp.Failed;
            }
            io.Out.WriteLine($"ok: {folder}: {kb.Skills.Count} skills, {kb.Glossary.Count} glossary terms, {kb.Interview.Count} interview checks, {kb.Layers.Count} layers, {kb.Signals.Count} reading signals");
            return CliApp.Ok;
        });
        return command;
    }
}
