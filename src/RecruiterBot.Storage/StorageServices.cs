using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Storage.Resilience;
using RecruiterBot.Storage.Sql;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Storage;

public static class StorageServices
{
    /// <summary>
    /// The configured store (<c>Storage:Provider</c>): SQLite or PostgreSQL behind <see cref="ResilientConversationStore"/>
    /// (SQLite also behind <see cref="ConversationStateCache"/>), its question statistics, start-up migration and
    /// retention. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddRecruiterBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((o, config) => o.ConnectionString = config.GetConnectionString(StorageOptions.ConnectionStringName) ?? o.ConnectionString)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CreateStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IQuestionStats>(sp => sp.GetRequiredService<SqlConversationStore>());
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var store = sp.GetRequiredService<SqlConversationStore>();
            return new ResilientConversationStore(store, store.Provider, TimeSpan.FromMilliseconds(o.CallTimeoutMilliseconds),
                o.CircuitFailureThreshold, TimeSpan.FromSeconds(o.CircuitBreakSeconds), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ResilientConversationStore>>());
        });
        services.AddSingleton<IConversationStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var store = sp.GetRequiredService<ResilientConversationStore>();
            return o.IsPostgres || o.StateCacheEntries == 0 ? store : new ConversationStateCache(store, o.StateCacheEntries);
        });
        services.AddHostedService<StorageMaintenanceService>();
        return services;
    }

    /// <summary>The SQL store <paramref name="options"/> name, without the time budget (the CLI's <c>stats</c> wants the real error).</summary>
    public static SqlConversationStore CreateStore(StorageOptions options, TimeProvider time) => options.IsPostgres
        ? new PostgresConversationStore(options.ConnectionString!, options.ConnectTimeoutSeconds, time)
        : SqliteConversationStore.Create(options.SqlitePath, time);
}
