namespace RecruiterBot.Core.Knowledge;

/// <summary>A technology the guide does not cover (Java, Spring, .NET): recognised so it is never mistaken for a Python skill.</summary>
public sealed record OutsideTechnology(string Id, string Name, IReadOnlyList<string> Aliases);
