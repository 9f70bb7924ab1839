using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RecruiterBot.Channels.Slack;

public static class SlackServices
{
    /// <summary>The Slack channel: options (section <c>Slack</c>), verifier, Web API client and reply queue.
    /// The endpoints are mapped only when <c>Slack:SigningSecret</c> is set.</summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ChannelStatus(SlackWorkHandler.Channel, sp.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled));
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackReplyQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackReplyQueue>());
        services.AddScoped<SlackWorkHandler>();
        // The HTTP client's own four Information lines per call are left out; SlackWebApiClient logs failures and
        // retries itself (events 1204-1208).
        services.AddHttpClient<SlackWebApiClient>(http => http.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        return services;
    }
}
