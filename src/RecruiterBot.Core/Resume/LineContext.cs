namespace RecruiterBot.Core.Resume;

/// <summary>What the rules learned about the line of the last mention they looked at, so a line is read once.</summary>
internal struct LineContext
{
    public int Start;
    public int End;
    public bool Known;
    public bool SkillsLine;
    public bool HobbyLine;
}
