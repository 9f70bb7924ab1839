using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RecruiterBot.Benchmarks;

/// <summary>Adds "Mean per KB", so linear growth shows as a flat column.</summary>
public sealed class PerKilobyteConfig : ManualConfig
{
    public PerKilobyteConfig() => AddColumn(new PerKilobyteColumn());

    private sealed class PerKilobyteColumn : IColumn
    {
        public string Id => nameof(PerKilobyteColumn);
        public string ColumnName => "Mean per KB";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Time;
        public string Legend => "Mean time divided by the text size in KB";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            var size = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "SizeKb")?.Value as int?;
            if (stats is null || size is null or 0) return "-";
            return $"{stats.Mean / size.Value / 1000:0.00} μs";
        }
    }
}
