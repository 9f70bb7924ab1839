using RecruiterBot.Storage.Tests.Postgres;

namespace RecruiterBot.Storage.Tests.Sql;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationStoreTests(PostgresFixture postgres) : ConversationStoreContract
{
    protected override Task<string> NewDatabaseAsync() => postgres.Cluster.CreateDatabaseAsync();

    protected override Dictionary<string, string?> HostSettings(string database) => Host.BotFactory.PostgresSettings(database);
}
