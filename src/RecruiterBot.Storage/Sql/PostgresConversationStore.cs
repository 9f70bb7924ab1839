using System.Data.Common;
using Npgsql;

namespace RecruiterBot.Storage.Sql;

/// <summary>PostgreSQL, for several instances behind a load balancer sharing one database.</summary>
internal sealed class PostgresConversationStore : SqlConversationStore
{
    // Any fixed number; every instance takes the same advisory lock while migrating.
    private const long MigrationLockKey = 0x5265637275697465;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConversationStore(string connectionString, int connectTimeoutSeconds, TimeProvider time) : base(time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = connectTimeoutSeconds };
        Location = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Provider => StorageOptions.Postgres;

    public override string Location { get; }

    private protected override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    private protected override DbConnection CreateConnection() => _dataSource.CreateConnection();

    private protected override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        // Held until commit: two instances starting together migrate one after the other.
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(ct);
        return tx;
    }

    // After a server restart every pooled connection is dead; drop them rather than failing on each in turn.
    private protected override void OnFailure(Exception error)
    {
        if (error is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException) _dataSource.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
