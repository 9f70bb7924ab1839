using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Storage.Sql;

namespace RecruiterBot.Storage;

/// <summary>
/// Migrates the store when the host starts (an unreachable database does not stop the host: the store migrates on its
/// first call instead), then deletes expired question-log rows, inbound claims and idle conversations' states every
/// <see cref="StorageOptions.RetentionIntervalMinutes"/>.
/// </summary>
internal sealed class StorageMaintenanceService(SqlConversationStore store, IOptions<StorageOptions> options, TimeProvider time,
    ILogger<StorageMaintenanceService> logger) : BackgroundService
{
    private static readonly TimeSpan MigrationBudget = TimeSpan.FromSeconds(30);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(MigrationBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            await store.MigrateAsync(linked.Token);
            Log.Migrated(logger, store.Provider, store.Location);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.MigrationFailed(logger, store.Provider, store.Location, e);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes), time);
        do
        {
            await DeleteExpiredAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task DeleteExpiredAsync(CancellationToken ct)
    {
        try
        {
            var now = time.GetUtcNow();
            var deleted = await store.DeleteExpiredAsync(now.AddDays(-options.Value.LogRetentionDays), now.AddDays(-options.Value.StateRetentionDays), ct);
            if (deleted.LogRows + deleted.Claims + deleted.Conversations > 0) Log.RetentionDeleted(logger, deleted.LogRows, deleted.Claims, deleted.Conversations);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Log.RetentionFailed(logger, store.Provider, e);
        }
    }
}
