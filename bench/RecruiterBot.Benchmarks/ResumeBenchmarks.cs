using System.Text;
using BenchmarkDotNet.Attributes;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Benchmarks;

/// <summary>The resume read: one pass over the text, so the time per KB stays flat from 5 KB to 1 MB.</summary>
[MemoryDiagnoser]
[MedianColumn] // the targets are medians (bench/RecruiterBot.HttpBench reads this column from the CSV report)
[Config(typeof(PerKilobyteConfig))]
public class ResumeBenchmarks
{
    private ResumeReader _reader = null!;
    private string _text = null!;

    [Params(5, 10, 100, 1024)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _reader = new ResumeReader(KnowledgeLoader.LoadFolder(CoreBenchmarks.KnowledgeFolder));
        _text = SampleResume.OfSize(SizeKb * 1024);
    }

    [Benchmark(Description = "resume read")]
    public ResumeRead Read() => _reader.Read(_text);
}

/// <summary>A realistic resume, repeated to the size wanted.</summary>
internal static class SampleResume
{
    public const string Text = """
        Jane Doe, Senior Software Engineer - jane.doe@example.com - +1 (415) 555-0100 - Berlin
        Summary: Full-stack engineer with 8 years of Python. I build web products end to end and care about tests.
        Skills: Python 3.11, Django 4.2, Django REST Framework, FastAPI, PostgreSQL 14, Redis, Celery, React 18, TypeScript,
        Docker, Kubernetes (EKS), GitHub Actions, AWS (EC2, S3, RDS, Lambda), Sentry, Datadog, pytest.
        Experience
        - Acme Corp (2019 - 2024): led the rewrite of the billing service from Flask to FastAPI with SQLAlchemy and Alembic.
        - Moved nightly batch jobs to Celery workers on Redis; cut page load from 3 s to 400 ms with caching.
        - Built the internal admin in Django templates and forms; React front end for customers.
        - Set up CI/CD with GitHub Actions and Helm charts; on-call with Prometheus and Grafana dashboards.
        - Mentored 4 engineers; ran code review and pull request guidelines.
        Education: BSc Computer Science. Languages: English, German. Hobbies: climbing, cooking, Monty Python films.

        """;

    public static string OfSize(int chars)
    {
        var sb = new StringBuilder(chars + Text.Length);
        while (sb.Length < chars) sb.Append(Text);
        return sb.ToString(0, chars);
    }
}
