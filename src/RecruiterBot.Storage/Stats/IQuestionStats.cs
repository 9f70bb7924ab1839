namespace RecruiterBot.Storage.Stats;

/// <summary>What the content owner reads from the question log (the <c>stats</c> command and <c>/admin</c>).</summary>
public interface IQuestionStats
{
    /// <summary>Counts over the log rows since <paramref name="since"/>; <paramref name="unansweredLimit"/> caps the list of
    /// unanswered questions (latest first).</summary>
    Task<QuestionStats> GetQuestionStatsAsync(DateTimeOffset since, int unansweredLimit, CancellationToken ct);
}
