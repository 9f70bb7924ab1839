namespace RecruiterBot.Cards.Data;

/// <summary>A suggested interview check on the resume card, with the button that shows its strong answer.</summary>
public sealed record CardQuestion(string Question, CardButton Answer);
