namespace RecruiterBot.Core.Conversation;

/// <summary>A reference to a knowledge entry as the reply envelope lists it.</summary>
public sealed record EntryRef(string Kind, string Id, string Title, string? Category = null)
{
    public const string Skill = "skill";
    public const string Glossary = "glossary";
    public const string Interview = "interview";
}
