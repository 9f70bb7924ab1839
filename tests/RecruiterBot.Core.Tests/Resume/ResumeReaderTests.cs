using RecruiterBot.Core.Resume;

namespace RecruiterBot.Core.Tests.Resume;

public sealed class ResumeReaderTests
{
    private static readonly ResumeReader Reader = new(TestKnowledge.Base);

    private static ResumeSkill Skill(ResumeRead read, string id) => Assert.Single(read.Skills, s => s.Id == id);

    [Fact]
    public void Read_VersionedTerm_EvidenceIsTheTermAsWritten()
    {
        var read = Reader.Read("Skills: PostgreSQL 14, Vue.js 3, React18");
        Assert.Equal(["PostgreSQL"], Skill(read, "sql-databases").Evidence);
        Assert.Equal(["Vue.js", "React"], Skill(read, "react").Evidence);
    }

    [Theory]
    [InlineData("Skills: Python, DRF, Postgres", "DRF")]
    [InlineData("Built APIs with Django REST Framework.", "Django REST Framework")]
    public void Read_DjangoRestFramework_CountsDjangoAndRest(string text, string words)
    {
        var read = Reader.Read(text);
        Assert.Contains(words, Skill(read, "django").Evidence);
        Assert.Contains(words, Skill(read, "rest-auth").Evidence);
        Assert.True(read.Signals.Single(s => s.Id == "server-pairing").Met);
    }

    [Fact]
    public void Read_RepeatedTerms_EvidenceDeduplicatedAndCapped()
    {
        var read = Reader.Read("Ops: Sentry, sentry, Datadog, Prometheus, Grafana, OpenTelemetry, ELK, Kibana");
        var evidence = Skill(read, "monitoring").Evidence;
        Assert.Equal(ResumeReader.EvidenceLimit, evidence.Count);
        Assert.Equal(["Sentry", "Datadog", "Prometheus", "Grafana", "OpenTelemetry"], evidence);
    }

    [Fact]
    public void Read_TermSplitAcrossSpacesAndHyphens_StillFound()
    {
        var read = Reader.Read("Tools: Fast-API,  GitHub\u00a0Actions, docker-compose, CI-CD");
        Assert.Equal(["Fast-API"], Skill(read, "flask-fastapi").Evidence);
        Assert.Contains("GitHub\u00a0Actions".Replace('\u00a0', ' '), Skill(read, "cicd").Evidence);
        Assert.Contains("CI-CD", Skill(read, "cicd").Evidence);
        Assert.Equal(["docker-compose"], Skill(read, "docker").Evidence);
    }

    [Fact]
    public void Read_Layers_AllFourInGuideOrderWithTheirSkills()
    {
        var read = Reader.Read("Skills: Python, FastAPI, React, Redis");
        Assert.Equal(["ux", "application", "data", "delivery"], read.Layers.Select(l => l.Id));
        Assert.Equal(["react"], read.Layers[0].Skills);
        Assert.Equal(["python", "flask-fastapi"], read.Layers[1].Skills);
        Assert.Equal(["redis"], read.Layers[2].Skills);
        Assert.False(read.Layers[3].Covered);
        Assert.Empty(read.Layers[3].Skills);
    }

    [Fact]
    public void Read_Signals_CarryTheGuidesWords()
    {
        var read = Reader.Read("Skills: Python, Django");
        foreach (var signal in TestKnowledge.Base.Signals)
        {
            var reading = Assert.Single(read.Signals, s => s.Id == signal.Id);
            Assert.Equal(signal.Title, reading.Title);
            Assert.Equal(signal.Why, reading.Why);
        }
    }

    [Fact]
    public void Read_DataAccess_NeedsBothOrmAndSqlDatabase()
    {
        Assert.False(Met(Reader.Read("Skills: Python, SQLAlchemy, Redis"), "data-access"));
        Assert.False(Met(Reader.Read("Skills: Python, PostgreSQL, Redis"), "data-access"));
        Assert.True(Met(Reader.Read("Skills: Python, SQLAlchemy, PostgreSQL"), "data-access"));
    }

    [Theory]
    [InlineData("Skills: Python, Docker", true)]
    [InlineData("Skills: Python, Jenkins, Django", true)]
    [InlineData("Skills: Python, Celery, Django", true)]
    [InlineData("Skills: Python, Kubernetes", true)]
    [InlineData("Skills: Python, AWS, Azure, GCP", false)]
    public void Read_Shipped_ContainersCiOrBackgroundJobsButNotCloudAlone(string text, bool met) =>
        Assert.Equal(met, Met(Reader.Read(text), "shipped"));

    [Theory]
    [InlineData("Skills: Python, Django, Jinja", true)]
    [InlineData("Skills: Python, Flask, TypeScript", true)]
    [InlineData("Skills: Python, Flask, Next.js", true)]
    [InlineData("Skills: Python, Flask, HTML, CSS, JavaScript", false)]
    public void Read_BrowserUi_TemplatesOrJsFrameworkButNotPlainHtml(string text, bool met) =>
        Assert.Equal(met, Met(Reader.Read(text), "browser-ui"));

    [Fact]
    public void Read_NotCounted_ShowsCueAndTermWithReason()
    {
        var read = Reader.Read("Python, Django, no ORM. Learning Kubernetes.");
        var orm = Assert.Single(read.NotCounted, n => n.SkillId == "orm");
        Assert.Equal("no ORM", orm.Evidence);
        Assert.Contains("negated", orm.Reason);
        var k8s = Assert.Single(read.NotCounted, n => n.SkillId == "kubernetes");
        Assert.Equal("Learning Kubernetes", k8s.Evidence);
        Assert.Contains("aspirational", k8s.Reason);
        Assert.DoesNotContain(read.Skills, s => s.Id is "orm" or "kubernetes");
    }

    [Fact]
    public void Read_NegatedThenClaimed_CountsAndIsNotListedAsNotCounted()
    {
        var read = Reader.Read("Learning Kubernetes at home.\nRan production workloads on EKS with Python.");
        Assert.Equal(["EKS"], Skill(read, "kubernetes").Evidence);
        Assert.Empty(read.NotCounted);
    }

    [Theory]
    [InlineData("basic knowledge of Docker", "docker")]
    [InlineData("want to learn React", "react")]
    [InlineData("currently studying TypeScript", "typescript")]
    [InlineData("without Docker", "docker")]
    [InlineData("not used Celery", "celery")]
    [InlineData("no prior experience with Redis", "redis")]
    [InlineData("exposure to Kubernetes", "kubernetes")]
    [InlineData("interested in FastAPI", "flask-fastapi")]
    public void Read_CueBeforeTerm_NotCounted(string phrase, string skill)
    {
        var read = Reader.Read($"Python, Django, PostgreSQL; {phrase}.");
        Assert.DoesNotContain(read.Skills, s => s.Id == skill);
        Assert.Contains(read.NotCounted, n => n.SkillId == skill);
    }

    [Fact]
    public void Read_SameSnippetTwice_SameRead()
    {
        const string text = "Skills: Python, Flask, React, MySQL, Docker";
        var a = Reader.Read(text);
        var b = Reader.Read(text);
        Assert.Equal(a.Profile, b.Profile);
        Assert.Equal(a.Gaps, b.Gaps);
        Assert.Equal(a.Questions.Select(q => q.Id), b.Questions.Select(q => q.Id));
    }

    [Theory]
    [MemberData(nameof(ResumeSnippetCases.Names), MemberType = typeof(ResumeSnippetCases))]
    public void Read_AnyResume_TwoOrThreeQuestionsFromTheGuide(string name)
    {
        var read = Reader.Read(ResumeSnippetCases.Get(name).Text);
        if (read.Profile.Id == ResumeReader.NotAResume)
        {
            Assert.Empty(read.Questions);
            Assert.Empty(read.Gaps);
            return;
        }
        Assert.InRange(read.Questions.Count, 2, 3);
        Assert.Equal(read.Questions.Count, read.Questions.Distinct().Count());
        Assert.All(read.Questions, q => Assert.Same(TestKnowledge.Base.FindCheck(q.Id), q));
        Assert.False(string.IsNullOrWhiteSpace(read.Profile.Why));
        Assert.False(string.IsNullOrWhiteSpace(read.Profile.Title));
    }

    [Fact]
    public void Read_NoDatabase_GapAndQuestionAimedAtIt()
    {
        var read = Reader.Read("Skills: Python, Django, React, Docker, pytest");
        Assert.Equal(["No database work shown: ask how they store and query data."], read.Gaps);
        Assert.Contains(read.Questions, q => q.Skills.Contains("orm") || q.Skills.Contains("sql-databases"));
    }

    [Fact]
    public void Read_FullStack_WhyNamesTheEvidence()
    {
        var read = Reader.Read("Skills: Python, FastAPI, Vue, SQLAlchemy, Postgres, Docker");
        Assert.Equal(ResumeReader.FullStackPython, read.Profile.Id);
        Assert.Contains("FastAPI", read.Profile.Why);
        Assert.Contains("Vue", read.Profile.Why);
    }

    [Fact]
    public void Read_NotPythonWeb_WhySaysNoPython()
    {
        var read = Reader.Read("Skills: Java, Spring Boot, React, PostgreSQL");
        Assert.Equal(ResumeReader.NotPythonWeb, read.Profile.Id);
        Assert.Contains("no Python", read.Profile.Why);
        Assert.False(Met(read, "server-pairing"));
        Assert.Equal(["Java", "Spring"], read.AlsoMentioned);
        Assert.DoesNotContain(read.Skills, s => s.Id == "python");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("\0\u0001\u0007\u001b[31mPython\u001b[0m")]
    [InlineData("🐍🐍🐍 Python 🐍 Django 👩‍💻")]
    [InlineData("\u202eognajD ,nohtyP\u202c")]
    [InlineData("פייתון Python, ג'אנגו Django, ‏React‏")]
    [InlineData("\ud800 lone surrogate \udc00 Flask")]
    [InlineData("React")]
    [InlineData(",,,,////||||((((")]
    [InlineData("no no no not never without learning familiar with")]
    public void Read_OddText_NeverThrows(string text)
    {
        var read = Reader.Read(text);
        Assert.Equal(4, read.Layers.Count);
        Assert.Equal(4, read.Signals.Count);
        Assert.NotNull(read.Profile);
    }

    [Fact]
    public void Read_Null_NotAResume() => Assert.Equal(ResumeReader.NotAResume, Reader.Read(null!).Profile.Id);

    [Fact]
    public void Read_RandomText_NeverThrows()
    {
        var random = new Random(1234);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 .,;:/-_()[]@+#'\n\t\u00a0•·é漢🙂\u202e";
        var words = TestKnowledge.Base.Skills.SelectMany(s => s.Aliases).Concat(["no", "learning", "Hobbies:", "Skills:", "(learning)", "3.11"]).ToArray();
        for (var n = 0; n < 500; n++)
        {
            var chars = new System.Text.StringBuilder();
            var length = random.Next(0, 400);
            while (chars.Length < length)
                chars.Append(random.Next(3) == 0 ? words[random.Next(words.Length)] : alphabet[random.Next(alphabet.Length)].ToString());
            var read = Reader.Read(chars.ToString());
            Assert.All(read.Skills, s => Assert.NotEmpty(s.Evidence));
        }
    }

    [Fact]
    public void Read_OneMegabyteDocument_Completes()
    {
        var block = "- Built Django and React apps on PostgreSQL 14 with Docker; the rest of the team reacted quickly. jane@example.com\n";
        var text = string.Concat(Enumerable.Repeat(block, 1_048_576 / block.Length + 1));
        var read = Reader.Read(text);
        Assert.Equal(ResumeReader.FullStackPython, read.Profile.Id);
        Assert.Equal(["Django"], Skill(read, "django").Evidence);
    }

    [Fact]
    public void Read_OneMegabyteSingleLineOfAmbiguousWords_Completes()
    {
        var text = string.Concat(Enumerable.Repeat("rest flask celery, ", 60_000));
        var read = Reader.Read(text);
        Assert.Empty(read.Skills);
    }

    private static bool Met(ResumeRead read, string signal) => read.Signals.Single(s => s.Id == signal).Met;
}
