using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace RecruiterBot.Cli.Tests;

public class AskCommandTests
{
    private static readonly string Knowledge = Path.Combine(AppContext.BaseDirectory, "knowledge");

    private static async Task<(int Code, string Out, string Err)> RunWithInputAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--knowledge", Knowledge], new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    [Fact]
    public async Task Ask_Celery_AnswersFromTheCeleryEntryInPlainEnglish()
    {
        var (code, output, error) = await RunAsync("ask", "what is Celery?");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("Celery and Background Jobs", output);
        Assert.Contains("Background jobs handle tasks that should not block", output);
        Assert.DoesNotContain("{", output);
    }

    [Fact]
    public async Task Ask_Json_PrintsTheEnvelope()
    {
        var (code, output, _) = await RunAsync("ask", "--json", "what is Celery?");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("skill", root.GetProperty("intent").GetString());
        Assert.Equal("celery", root.GetProperty("entries")[0].GetProperty("id").GetString());
        Assert.Equal("skill", root.GetProperty("entries")[0].GetProperty("kind").GetString());
        Assert.Equal(0, root.GetProperty("suggestions").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("conversation").GetString()));
        Assert.Contains("Celery", root.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Ask_JsonUnknown_PutsDidYouMeanInSuggestions()
    {
        var (_, output, _) = await RunAsync("ask", "--json", "celery juice");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("unknown", doc.RootElement.GetProperty("intent").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal("celery", doc.RootElement.GetProperty("suggestions")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ask")]
    [InlineData("ask|--bogus|x")]
    [InlineData("ask|--json|--jsonl")]
    [InlineData("ask|--jsonl|what is celery")]
    [InlineData("frobnicate")]
    public async Task Run_BadUsage_OneLineOnStderrAndExitCode2(string argLine)
    {
        var args = argLine.Split('|', StringSplitOptions.RemoveEmptyEntries);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(""), output, error);
        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
    }

    [Fact]
    public async Task AskJsonl_OneEnvelopePerLineInOrder_ErrorsOnTheirOwnLine()
    {
        var input = string.Join('\n',
            """{"text": "what is Celery?"}""",
            "",
            "not json",
            """{"text": 42}""",
            """[1, 2]""",
            """{"text": "what is redis", "conversation": "c1"}""",
            """{"value": {"action": "overview"}}""",
            """{"value": {"action": "define", "kind": "skill", "id": "docker"}, "conversation": "c1"}""",
            """{"conversation": "c1"}""",
            """{"text": "hi", "unknownField": {"deep": [1,2,3]}}""") + "\n";
        var (code, output, _) = await RunWithInputAsync(input, "ask", "--jsonl");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        string Field(int i, string name) => JsonDocument.Parse(lines[i]).RootElement.TryGetProperty(name, out var p) ? p.ToString() : "";
        Assert.Equal("skill", Field(0, "intent"));
        Assert.StartsWith("line 2: empty line", Field(1, "error"));
        Assert.StartsWith("line 3: not valid JSON", Field(2, "error"));
        Assert.Equal("line 4: \"text\" must be a string", Field(3, "error"));
        Assert.StartsWith("line 5: expected a JSON object", Field(4, "error"));
        Assert.Equal("c1", Field(5, "conversation"));
        Assert.Equal("overview", Field(6, "intent"));
        Assert.Equal("skill", Field(7, "intent"));
        Assert.StartsWith("line 9: expected \"text\"", Field(8, "error"));
        Assert.Equal("greeting", Field(9, "intent"));
    }

    [Fact]
    public async Task AskJsonl_AThousandLines_SharedConversationsNeverRepeatUntilThePoolIsUsedUp()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 1000; i++)
            sb.Append(i % 2 == 0 ? """{"text": "another question", "conversation": "a"}""" : $$"""{"text": "interview question", "conversation": "b{{i}}"}""").Append('\n');
        var (code, output, error) = await RunWithInputAsync(sb.ToString(), "ask", "--jsonl");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1000, lines.Length);
        var inA = lines.Where((_, i) => i % 2 == 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("entries")[0].GetProperty("id").GetString()!).ToList();
        var poolSize = inA.Distinct().Count();
        Assert.True(poolSize >= 16);
        for (var start = 0; start + poolSize <= inA.Count; start += poolSize)
            Assert.Equal(poolSize, inA.Skip(start).Take(poolSize).Distinct().Count());
    }

    [Fact]
    public async Task AskJsonl_HugeLine_IsAnErrorAndTheRunGoesOn()
    {
        var input = "{\"text\": \"" + new string('a', 1_100_000) + "\"}\n{\"text\": \"what is docker\"}\n";
        var (code, output, _) = await RunWithInputAsync(input, "ask", "--jsonl");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("line 1: the line is longer than", lines[0]);
        Assert.Contains("\"intent\":\"skill\"", lines[1]);
    }

    [Fact]
    public async Task Check_ShippedKnowledge_IsOk()
    {
        var (code, output, error) = await RunAsync("check");
        Assert.True(code == 0, error);
        Assert.Contains("20 skills", output);
    }

    [Fact]
    public async Task Check_BrokenKnowledge_ListsEveryProblemAndExits1()
    {
        var folder = Directory.CreateTempSubdirectory("kb").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), "skills:\n  - id: x\n    layer: nowhere\n");
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await CliApp.RunAsync(["check", "--knowledge", folder], new StringReader(""), output, error);
            Assert.Equal(1, code);
            Assert.Contains("bad.yaml:2: skill 'x' is missing the required field 'title'", error.ToString());
            Assert.Contains("the layer 'ux' is missing", error.ToString());
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void Process_StdoutCarriesOnlyAnswers_AndBadUsageExits2()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "recruiterbot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { dll, "ask", "--jsonl", "--knowledge", Knowledge }) start.ArgumentList.Add(a);
        using (var p = Process.Start(start)!)
        {
            p.StandardInput.WriteLine("""{"text": "what is Celery?"}""");
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        var bad = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "ask" }) bad.ArgumentList.Add(a);
        using var q = Process.Start(bad)!;
        var err = q.StandardError.ReadToEnd();
        q.WaitForExit();
        Assert.Equal(2, q.ExitCode);
        Assert.StartsWith("error: ", err);
    }
}
