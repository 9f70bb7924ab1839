namespace RecruiterBot.Storage.Tests.Postgres;

/// <summary>One PostgreSQL cluster for the whole run; tests take a fresh database each.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("the PostgreSQL cluster did not start");

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
