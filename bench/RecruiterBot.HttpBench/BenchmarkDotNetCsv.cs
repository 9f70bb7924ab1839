using System.Globalization;

namespace RecruiterBot.HttpBench;

/// <summary>One row of a BenchmarkDotNet CSV report: the method, its parameter values and the median in µs.</summary>
public sealed record BenchmarkRow(string Method, IReadOnlyList<string> Params, double MedianUs);

/// <summary>Reads BenchmarkDotNet's <c>*-report.csv</c> files (exporter <c>csv</c>) for the targets table.</summary>
public static class BenchmarkDotNetCsv
{
    public static List<BenchmarkRow> Read(string folder)
    {
        var rows = new List<BenchmarkRow>();
        foreach (var file in Directory.EnumerateFiles(folder, "*-report.csv"))
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length < 2) continue;
            var header = Split(lines[0]);
            var method = Array.IndexOf(header, "Method");
            var median = Array.IndexOf(header, "Median");
            if (method < 0 || median < 0) continue;
            // BenchmarkDotNet names parameter columns after the benchmark's [Params] properties.
            var paramColumns = header.Select((h, i) => (h, i)).Where(c => c.h is "Kind" or "SizeKb").Select(c => c.i).ToList();
            foreach (var line in lines.Skip(1))
            {
                var cells = Split(line);
                if (cells.Length != header.Length || ParseMicroseconds(cells[median]) is not { } us) continue;
                rows.Add(new BenchmarkRow(cells[method], paramColumns.Select(i => cells[i]).ToList(), us));
            }
        }
        return rows;
    }

    private static double? ParseMicroseconds(string cell)
    {
        var parts = cell.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        return parts[1] switch
        {
            "ns" => value / 1000,
            "μs" or "us" => value,
            "ms" => value * 1000,
            "s" => value * 1_000_000,
            _ => null,
        };
    }

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
