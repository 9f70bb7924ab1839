using System.ComponentModel.DataAnnotations;

namespace RecruiterBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary><c>Knowledge:Path</c>: the folder holding the knowledge *.yaml files. Relative paths are tried against
    /// the working directory, then the application's folder. Default <c>knowledge/</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Knowledge:Path is required: the folder holding the knowledge *.yaml files")]
    public string Path { get; set; } = "knowledge/";

    /// <summary>Resolves <see cref="Path"/> to an existing folder, or the working-directory form when none exists.</summary>
    public string ResolveFolder()
    {
        if (System.IO.Path.IsPathRooted(Path)) return Path;
        var fromWorkingDirectory = System.IO.Path.GetFullPath(Path);
        if (Directory.Exists(fromWorkingDirectory)) return fromWorkingDirectory;
        var fromApp = System.IO.Path.Combine(AppContext.BaseDirectory, Path);
        return Directory.Exists(fromApp) ? fromApp : fromWorkingDirectory;
    }
}
