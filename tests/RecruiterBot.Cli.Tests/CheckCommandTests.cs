namespace RecruiterBot.Cli.Tests;

public class CheckCommandTests
{
    private static readonly string Knowledge = Path.Combine(AppContext.BaseDirectory, "knowledge");
    private static readonly string Cards = Path.Combine(AppContext.BaseDirectory, "cards");

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--knowledge", Knowledge], new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Check_ShippedTemplates_Ok()
    {
        var (code, output, error) = await RunAsync("check", "--cards", Cards);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("16 card templates", output);
    }

    [Fact]
    public async Task Check_BrokenTemplates_ListsEveryProblemAndExits1()
    {
        var folder = Directory.CreateTempSubdirectory("cli-cards-").FullName;
        try
        {
            foreach (var format in (string[])["adaptive", "slack"])
            {
                Directory.CreateDirectory(Path.Combine(folder, format));
                foreach (var file in Directory.EnumerateFiles(Path.Combine(Cards, format)))
                    File.Copy(file, Path.Combine(folder, format, Path.GetFileName(file)));
            }
            File.WriteAllText(Path.Combine(folder, "adaptive", "help.json"), "{\"type\": ");
            File.WriteAllText(Path.Combine(folder, "slack", "greeting.json"), """{"text":"${summary}","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"${greeting}"}}]}""");
            File.WriteAllText(Path.Combine(folder, "slack", "greeting.data.json"), """{"summary":"Hi"}""");

            var (code, _, error) = await RunAsync("check", "--cards", folder);

            Assert.Equal(1, code);
            Assert.Contains("cards: adaptive/help.json: not valid JSON", error);
            Assert.Contains("cards: slack/greeting.json: $.blocks[0].text.text: ${greeting} names no known field", error);
            Assert.Contains("cards: slack/greeting.data.json: binding left a ${...} unresolved", error);
            Assert.Contains("problem(s) found.", error);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
