using Microsoft.Extensions.FileProviders;

namespace RecruiterBot.Host;

/// <summary>
/// The web chat page's files (wwwroot/, with the adaptivecards renderer the build copies into wwwroot/lib/), embedded in
/// the assembly so the page is served whatever the working directory, and after <c>dotnet publish</c>.
/// </summary>
internal static class WebChatPage
{
    public static IFileProvider Files { get; } = new EmbeddedFileProvider(typeof(WebChatPage).Assembly, "RecruiterBot.Host.wwwroot");
}
