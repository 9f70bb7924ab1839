namespace RecruiterBot.Cards.Data;

/// <summary>The resume verdict.</summary>
public sealed record CardProfile(string Id, string Title, string Why);
