using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RecruiterBot.Channels.WebChat;

public static class WebChatServices
{
    /// <summary>The web chat's validated options and its entry in the start-up line.</summary>
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ChannelStatus(WebChatEndpoints.Channel, sp.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled));
        return services;
    }
}
