using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Resume;

/// <summary>Reads a resume snippet against the reading guide. (Being written in the resume-read issue.)</summary>
public sealed class ResumeReader(KnowledgeBase knowledge)
{
    public KnowledgeBase Knowledge { get; } = knowledge;

    public ResumeRead Read(string text) => throw new NotImplementedException("resume read is issue 3");
}
