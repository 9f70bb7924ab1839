using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecruiterBot.Cards;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Storage;

namespace RecruiterBot.Channels.Conversation;

public static class ConversationServices
{
    /// <summary>The knowledge base (validated at start-up), the turn, the renderers, the configured store (<c>Storage:*</c>) and the turn runner.</summary>
    public static IServiceCollection AddRecruiterBotCore(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => KnowledgeLoader.LoadFolder(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveFolder()));
        services.AddSingleton(sp => TurnHandler.Create(sp.GetRequiredService<KnowledgeBase>()));
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton(TimeProvider.System);
        services.AddRecruiterBotStorage();
        services.AddSingleton<ConversationTurns>();
        // What channels take: a host whose knowledge fails to load still starts and says so (/readyz), and each use
        // tries again (PublicationOnly caches no exception), as resolving the singleton would.
        services.AddSingleton(sp => new Lazy<ConversationTurns>(sp.GetRequiredService<ConversationTurns>, LazyThreadSafetyMode.PublicationOnly));
        return services;
    }
}
