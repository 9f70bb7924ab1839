using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using RecruiterBot.Storage;
using RecruiterBot.Storage.Sql;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Cli.Commands;

/// <summary>
/// <c>stats</c>: what recruiters asked, from the host's question log: per day and channel, intent mix, top entries and
/// the latest unanswered questions. Reads the store the host is configured with (Storage__Provider, Storage__SqlitePath,
/// ConnectionStrings__RecruiterBot), or the SQLite file given with <c>--db</c>.
/// </summary>
internal static class StatsCommand
{
    public const int MaxDays = 365;
    public const int UnansweredLimit = 20;

    public static Command Create(CliIo io)
    {
        var days = new Option<int>("--days") { Description = $"How many days back, 1 to {MaxDays} (default 30)", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "Print the statistics as JSON (the same as /admin/stats.json)" };
        var db = new Option<string?>("--db") { Description = "The SQLite file to read (default: Storage__SqlitePath, then data/recruiterbot.db)" };
        var command = new Command("stats", "Show what recruiters asked: questions per day and channel, intent mix, top entries, unanswered questions.");
        command.Options.Add(days);
        command.Options.Add(json);
        command.Options.Add(db);
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxDays) result.AddError($"--days must be from 1 to {MaxDays}");
        });
        command.SetAction(async (parsed, ct) =>
        {
            var options = Options(parsed.GetValue(db));
            var problems = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
            {
                foreach (var p in problems) await io.Error.WriteLineAsync("error: " + p.ErrorMessage);
                return CliApp.Failed;
            }
            if (!options.IsPostgres && !File.Exists(options.SqlitePath))
            {
                await io.Error.WriteLineAsync($"error: no question log at {Path.GetFullPath(options.SqlitePath)}. The host creates it on its first start, " +
                    "relative to the folder it was started in (Storage:SqlitePath); pass --db PATH or set Storage__SqlitePath.");
                return CliApp.Failed;
            }
            var time = TimeProvider.System;
            await using var store = StorageServices.CreateStore(options, time);
            QuestionStats stats;
            try
            {
                var since = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - parsed.GetValue(days));
                stats = await store.GetQuestionStatsAsync(since, UnansweredLimit, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await io.Error.WriteLineAsync($"error: cannot read the {store.Provider} store at {store.Location}: {e.Message}");
                return CliApp.Failed;
            }
            await io.Out.WriteLineAsync(parsed.GetValue(json)
                ? JsonSerializer.Serialize(stats, QuestionStatsJsonContext.Default.QuestionStats)
                : Format(stats, parsed.GetValue(days)));
            return CliApp.Ok;
        });
        return command;
    }

    private static StorageOptions Options(string? db)
    {
        var options = new StorageOptions();
        if (Environment.GetEnvironmentVariable("Storage__Provider") is { Length: > 0 } provider) options.Provider = provider;
        if (Environment.GetEnvironmentVariable("Storage__SqlitePath") is { Length: > 0 } path) options.SqlitePath = path;
        options.ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__" + StorageOptions.ConnectionStringName);
        if (db is not null) (options.Provider, options.SqlitePath) = (StorageOptions.Sqlite, db);
        return options;
    }

    internal static string Format(QuestionStats stats, int days)
    {
        var w = new StringWriter { NewLine = "\n" };
        var unanswered = stats.Intents.FirstOrDefault(i => i.Name == "unknown")?.Count ?? 0;
        w.WriteLine($"Questions in the last {days} days (since {stats.Since:yyyy-MM-dd} UTC): {stats.Total}, unanswered {unanswered}");
        if (stats.Total == 0) return w.ToString().TrimEnd();
        w.WriteLine();
        w.WriteLine("Per channel:");
        foreach (var c in stats.PerChannel) w.WriteLine($"  {c.Name,-10} {c.Count,6}");
        w.WriteLine();
        w.WriteLine("Per day:");
        var perDay = stats.PerDay.GroupBy(d => d.Day).Select(g => (Day: g.Key, Count: g.Sum(d => d.Count))).ToList();
        var max = perDay.Max(d => d.Count);
        foreach (var (day, count) in perDay) w.WriteLine($"  {day:yyyy-MM-dd} {count,6}  {new string('#', (int)Math.Ceiling(40.0 * count / max))}");
        w.WriteLine();
        w.WriteLine("Intents:");
        foreach (var i in stats.Intents) w.WriteLine($"  {i.Name,-10} {i.Count,6}  {100.0 * i.Count / stats.Total,3:0}%");
        if (stats.TopEntries.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"Top {QuestionStats.TopEntryLimit} entries:");
            foreach (var (e, rank) in stats.TopEntries.Select((e, i) => (e, i + 1))) w.WriteLine($"  {rank,2}. {e.Kind}/{e.Id}  {e.Count}");
        }
        if (stats.Unanswered.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Latest unanswered questions (times asked, last asked UTC):");
            foreach (var q in stats.Unanswered) w.WriteLine($"  {q.Count,4}x  {q.LastAsked:yyyy-MM-dd HH:mm}  {Printable(q.Question)}");
        }
        return w.ToString().TrimEnd();
    }

    // Questions are what users typed: no control characters (terminal escapes) reach the terminal.
    private static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}
