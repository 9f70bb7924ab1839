namespace RecruiterBot.Cards.Data;

/// <summary>A skill the resume shows, with the matched words (user text) quoted and joined.</summary>
public sealed record CardResumeSkill(string Title, string Layer, string Evidence);
