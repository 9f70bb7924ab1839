using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RecruiterBot.Channels;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Channels.WebChat;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Host;

/// <summary>Once the server listens: loads the knowledge base and card templates (so the first question is not slow) and logs one line
/// saying where the web chat is and which channels are on.</summary>
internal static class StartupSummary
{
    /// <summary>The channels that come with their own issues; they are off until they register a <see cref="ChannelStatus"/>.</summary>
    private static readonly string[] KnownChannels = ["msteams", "slack", WebChatEndpoints.Channel];

    public static WebApplication LogStartupSummary(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RecruiterBot.Host");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            var channels = app.Services.GetServices<ChannelStatus>().ToList();
            var enabled = channels.Where(c => c.Enabled).Select(c => c.Name).ToList();
            var off = KnownChannels.Except(enabled).ToList();
            var webChat = enabled.Contains(WebChatEndpoints.Channel)
                ? string.Join(", ", addresses.Select(a => a.TrimEnd('/') + "/"))
                : "off (WebChat:Enabled=false)";
            Log.Started(logger, string.Join(", ", addresses), webChat, List(enabled), List(off));
            try { app.Services.GetRequiredService<ConversationTurns>(); }
            catch (KnowledgeLoadException e) { Log.KnowledgeNotLoaded(logger, e.Message); }
        });
        return app;
    }

    private static string List(IReadOnlyCollection<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
