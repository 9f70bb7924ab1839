using System.CommandLine;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Cli.Commands;

/// <summary>Where the CLI finds the knowledge files: --knowledge, then Knowledge__Path, then knowledge/.</summary>
internal static class KnowledgeSource
{
    public static string Folder(ParseResult parsed, CliIo io)
    {
        var path = parsed.GetValue(io.KnowledgeOption) ?? Environment.GetEnvironmentVariable("Knowledge__Path");
        return new KnowledgeOptions { Path = string.IsNullOrWhiteSpace(path) ? "knowledge/" : path }.ResolveFolder();
    }

    /// <summary>Loads the knowledge base, or reports every problem on stderr and returns null.</summary>
    public static KnowledgeBase? Load(ParseResult parsed, CliIo io)
    {
        var (kb, problems) = KnowledgeLoader.TryLoadFolder(Folder(parsed, io));
        foreach (var p in problems) io.Error.WriteLine("knowledge: " + p);
        return kb;
    }
}
