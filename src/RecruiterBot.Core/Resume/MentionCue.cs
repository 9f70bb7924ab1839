namespace RecruiterBot.Core.Resume;

/// <summary>Why a mention does not count: it is negated ("no ORM") or aspirational ("learning Kubernetes").
/// <c>[Start, End)</c> spans the cue and the mention.</summary>
internal readonly record struct MentionCue(CueKind Kind, int Start, int End)
{
    public static readonly MentionCue None = new(CueKind.None, 0, 0);
}
