namespace RecruiterBot.LoadGenerator;

/// <summary>Identities shared by the generator and the stand-in (bench/RecruiterBot.HttpBench).</summary>
public static class StandInConstants
{
    public const string TeamsAppId = "5b0c1a9e-2d7c-4e1f-8a3b-6c5d4e3f2a1b";
    public const string SlackBotUserId = "U0BENCHBOT";
}
