namespace RecruiterBot.LoadGenerator;

/// <summary>
/// The realistic mix: 70% definitions (the 20 skills and the glossary, some with typos, abbreviations and chatter),
/// 20% interview ("interview question", "another question" in the connection's own conversation), 10% resume snippets
/// of 1-2 KB. Picked by a counter, so every run sends the same sequence.
/// </summary>
public static class Questions
{
    public static readonly string[] Definitions =
    [
        "what is Celery?", "whats k8s", "explain django", "what's FastAPI", "define ORM", "tell me about redis",
        "what is postgress?", "kubernets?", "meaning of CI/CD", "what is react", "typescript?", "what is pytest",
        "explain docker please", "what's GH Actions", "what is mongodb", "djano?", "what is fast api", "git?",
        "what is AWS", "what is sqlalchemy", "hey, what is DRF exactly?", "what is JWT auth", "what's Sentry",
        "html css js?", "django templates", "what is flask", "tell me about monitoring", "what is EKS",
        "what is a REST API", "whats celery beat", "explain Helm charts", "what is unittest",
        "what is a python developer", "what is the Django ORM", "what is pg", "what's mysql", "what is prometheus",
        "what is TS", "what is JS", "what is cloud hosting",
    ];

    public static readonly string[] Interview = ["interview question", "another question", "another one", "a data question", "what should I ask about Redis"];

    private const string ResumeBase = """
        Jane Doe, Senior Software Engineer - Berlin
        Summary: Full-stack engineer with 8 years of Python. I build web products end to end and care about tests.
        Skills: Python 3.11, Django 4.2, Django REST Framework, FastAPI, PostgreSQL 14, Redis, Celery, React 18, TypeScript,
        Docker, Kubernetes (EKS), GitHub Actions, AWS (EC2, S3, RDS, Lambda), Sentry, Datadog, pytest.
        Experience
        - Acme Corp (2019 - 2024): led the rewrite of the billing service from Flask to FastAPI with SQLAlchemy and Alembic.
        - Moved nightly batch jobs to Celery workers on Redis; cut page load from 3 s to 400 ms with caching.
        - Built the internal admin in Django templates and forms; React front end for customers.
        - Set up CI/CD with GitHub Actions and Helm charts; on-call with Prometheus and Grafana dashboards.
        - Mentored 4 engineers; ran code review and pull request guidelines.
        Education: BSc Computer Science. Languages: English, German.

        """;

    private const string ResumeMore = """
        - Globex (2016 - 2019): Django monolith with MySQL; wrote the REST API with JWT authentication and OAuth2 login.
        - Migrated static pages to React with TypeScript; unit tests with Jest and pytest-django; MongoDB for event logs.
        - Docker Compose for local development; deployed on AWS ECS with Terraform; Git flow with protected branches.

        """;

    /// <summary>Resume snippets of about 1 KB and about 2 KB.</summary>
    public static readonly string[] Resumes = [ResumeBase, ResumeBase + ResumeMore + ResumeMore.Replace("Globex", "Initech")];

    /// <summary>The <paramref name="n"/>-th message of the mix (70/20/10 in every block of ten).</summary>
    public static string Pick(long n)
    {
        var slot = n % 10;
        var round = n / 10;
        return slot switch
        {
            < 7 => Definitions[(round * 7 + slot) % Definitions.Length],
            < 9 => Interview[(round * 2 + slot - 7) % Interview.Length],
            _ => Resumes[round % Resumes.Length],
        };
    }
}
