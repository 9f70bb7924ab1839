using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Matching;

namespace RecruiterBot.Channels.Teams;

public static class TeamsServices
{
    /// <summary>The Teams channel: options, the token check (JwtBearer scheme and policy "Teams"), the connector and
    /// token clients, the reply queue, the invoke answers (card actions, search). <see cref="TeamsEndpoints.MapTeamsEndpoints"/> maps the route.</summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ChannelStatus("msteams", sp.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled));
        services.AddSingleton<TeamsServiceUrlPolicy>();
        services.AddSingleton<TeamsTokenValidation>();
        services.AddSingleton<TeamsBotTokenClient>();
        services.AddSingleton<TeamsConnectorClient>();
        services.AddSingleton<TeamsReplyQueue>();
        services.AddSingleton<TeamsCardActions>();
        services.AddSingleton(sp => new KnowledgeSearch(sp.GetRequiredService<KnowledgeBase>(), new TermIndex(sp.GetRequiredService<KnowledgeBase>())));
        services.AddSingleton<TeamsSearch>();
        // Resolved on first use: a host whose knowledge fails to load still starts and answers 503 (see /readyz).
        services.AddSingleton(sp => new Lazy<TeamsCardActions>(sp.GetRequiredService<TeamsCardActions>));
        services.AddSingleton(sp => new Lazy<TeamsSearch>(sp.GetRequiredService<TeamsSearch>));
        services.AddHostedService(sp => sp.GetRequiredService<TeamsReplyQueue>());

        // RemoveAllLoggers: the HTTP client's own four Information lines per call (with the conversation in the URL)
        // flooded the log, one set per reply; failures and retries are logged by the callers (events 1104, 1108, 1109).
        services.AddHttpClient(nameof(TeamsTokenValidation), c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddHttpClient(nameof(TeamsBotTokenClient), c => c.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddHttpClient(nameof(TeamsConnectorClient), c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();

        // No default scheme: the only one registered would otherwise become it, and every request (web chat, Slack, the
        // page) would run the Bot Framework token check; POST /api/messages asks for it by name through its policy.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddJwtBearer(TeamsTokenValidation.Scheme, TeamsTokenValidation.Configure);
        // AddAuthentication brings Data Protection, whose hosted service loads or creates a key ring at start-up: an XML
        // key file under ~/.aspnet, a warning that it is stored unencrypted, and about 10 MB of working set for XML and
        // crypto at start. Nothing here protects data with it (the token check is JwtBearer, the admin cookie an HMAC), so
        // its start-up is left out; a use added later would still create the ring when first asked.
        foreach (var start in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && d.ImplementationType?.Assembly == typeof(DataProtectionOptions).Assembly).ToList())
            services.Remove(start);
        services.AddAuthorizationBuilder().AddPolicy(TeamsTokenValidation.Policy,
            p => p.AddAuthenticationSchemes(TeamsTokenValidation.Scheme).RequireAuthenticatedUser());
        return services;
    }
}
