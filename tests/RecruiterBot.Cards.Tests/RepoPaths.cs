namespace RecruiterBot.Cards.Tests;

/// <summary>Folders of the repository the tests run from (found by walking up to RecruiterBot.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RecruiterBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"RecruiterBot.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootFolder.Value;

    /// <summary>The repository's cards/ folder, with the sample data the build does not copy.</summary>
    public static string Cards => Path.Combine(Root, "cards");

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots", "cards");
}
