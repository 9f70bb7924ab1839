namespace RecruiterBot.Channels;

/// <summary>Whether a channel is switched on; each <c>Add*Channel</c> registers one, and the host's start-up line lists them.</summary>
public sealed record ChannelStatus(string Name, bool Enabled);
