using System.CommandLine;
using RecruiterBot.Cards.Templating;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Cli.Commands;

/// <summary><c>check</c>: validates the knowledge files and card templates so a content owner can check an edit before deploying.</summary>
internal static class CheckCommand
{
    public static Command Create(CliIo io)
    {
        var cards = new Option<string?>("--cards") { Description = "Folder of the card templates (default: cards/, then the one next to the binaries)" };
        var command = new Command("check", "Validate the knowledge files and the card templates; lists every problem and exits 1 if there is any.");
        command.Options.Add(cards);
        command.SetAction(parsed =>
        {
            var folder = KnowledgeSource.Folder(parsed, io);
            var (kb, problems) = KnowledgeLoader.TryLoadFolder(folder);
            foreach (var p in problems) io.Error.WriteLine(p.ToString());

            var cardsFolder = CardsFolder(parsed.GetValue(cards));
            // The copy next to the binaries has no sample data (the build leaves *.data.json out): bind samples where they are.
            var withSamples = Directory.Exists(cardsFolder) && Directory.EnumerateFiles(cardsFolder, "*.data.json", SearchOption.AllDirectories).Any();
            var cardProblems = CardTemplates.Check(cardsFolder, withSamples);
            foreach (var p in cardProblems) io.Error.WriteLine("cards: " + p);

            var total = problems.Count + cardProblems.Count;
            if (kb is null || total > 0)
            {
                io.Error.WriteLine($"{total} problem(s) found.");
                return CliApp.Failed;
            }
            io.Out.WriteLine($"ok: {folder}: {kb.Skills.Count} skills, {kb.Glossary.Count} glossary terms, {kb.Interview.Count} interview checks, {kb.Layers.Count} layers, {kb.Signals.Count} reading signals");
            io.Out.WriteLine($"ok: {cardsFolder}: {CardTemplates.Formats.Count * Cards.Data.CardData.Kinds.Count} card templates"
                + (withSamples ? ", each bound with its sample data" : " (no sample data here; bind checks skipped)"));
            return CliApp.Ok;
        });
        return command;
    }

    private static string CardsFolder(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option);
        var fromWorkingDirectory = Path.GetFullPath("cards");
        return Directory.Exists(fromWorkingDirectory) ? fromWorkingDirectory : CardTemplates.DefaultFolder;
    }
}
