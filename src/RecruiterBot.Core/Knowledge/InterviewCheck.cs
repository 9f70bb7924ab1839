namespace RecruiterBot.Core.Knowledge;

/// <summary>An interview prompt and what a strong answer sounds like. Its id is stable: stored state refers to it.</summary>
public sealed record InterviewCheck(
    string Id,
    string Category,
    string Question,
    string StrongAnswer,
    IReadOnlyList<string> Skills);

/// <summary>An interview category (core, framework, front-end, ...).</summary>
public sealed record InterviewCategory(string Id, string Title);
