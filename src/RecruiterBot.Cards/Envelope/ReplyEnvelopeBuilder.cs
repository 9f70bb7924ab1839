using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Cards.Envelope;

/// <summary>Builds the public reply envelope from a rendered reply.</summary>
public static class ReplyEnvelopeBuilder
{
    public static ReplyEnvelope Build(RenderedReply rendered, string? conversation)
    {
        var reply = rendered.Reply;
        return new ReplyEnvelope(
            reply.Intent,
            conversation,
            reply.Entries.Select(Entry).ToList(),
            reply.Suggestions.Select(Entry).ToList(),
            reply is ResumeReply r ? Resume(r.Read) : null,
            rendered.Text,
            rendered.CardJson is { } card ? new WrittenJson(card) : null,
            rendered.SlackJson is { } slack ? new WrittenJson(slack) : null);
    }

    private static EnvelopeEntry Entry(EntryRef e) => new(e.Kind, e.Id, e.Title, e.Category);

    private static ResumeEnvelope Resume(ResumeRead read) => new(
        read.Skills.Select(s => new ResumeSkillJson(s.Id, s.Title, s.Layer, s.Evidence)).ToList(),
        read.Layers.Select(l => new ResumeLayerJson(l.Id, l.Title, l.Covered, l.Skills)).ToList(),
        read.Signals.Select(s => new ResumeSignalJson(s.Id, s.Title, s.Met, s.Why)).ToList(),
        new ResumeProfileJson(read.Profile.Id, read.Profile.Title, read.Profile.Why),
        read.Gaps,
        read.Questions.Select(q => Entry(Ref.To(q))).ToList(),
        read.NotCounted.Select(n => new ResumeNotCountedJson(n.SkillId, n.Evidence, n.Reason)).ToList(),
        read.AlsoMentioned);
}
