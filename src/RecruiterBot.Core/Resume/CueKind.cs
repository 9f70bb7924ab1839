namespace RecruiterBot.Core.Resume;

/// <summary>Whether a mention is negated ("no ORM"), aspirational ("learning Kubernetes"), or neither.</summary>
internal enum CueKind { None, Negated, Aspirational }
