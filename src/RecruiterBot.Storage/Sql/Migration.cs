namespace RecruiterBot.Storage.Sql;

/// <summary>
/// One step of the schema, applied once and recorded in <c>schema_version</c>. Never edit a released step: add the
/// next one. The SQL is the same on SQLite and PostgreSQL except for <c>{identity}</c>, the provider's auto-increment key.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql)
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "conversation state, inbound claims, question log", """
            CREATE TABLE conversation_state (
                conversation_key TEXT NOT NULL PRIMARY KEY,
                version BIGINT NOT NULL,
                state TEXT NOT NULL,
                updated_at_ms BIGINT NOT NULL
            );
            CREATE TABLE inbound_claim (
                inbound_id TEXT NOT NULL PRIMARY KEY,
                claimed_at_ms BIGINT NOT NULL,
                state_before TEXT NULL
            );
            CREATE INDEX inbound_claim_claimed_at ON inbound_claim (claimed_at_ms);
            CREATE TABLE question_log (
                id {identity},
                asked_at_ms BIGINT NOT NULL,
                channel TEXT NOT NULL,
                intent TEXT NOT NULL,
                entry_kind TEXT NULL,
                entry_id TEXT NULL,
                confidence DOUBLE PRECISION NOT NULL,
                question TEXT NULL,
                resume_skill_count INTEGER NULL
            );
            CREATE INDEX question_log_asked_at ON question_log (asked_at_ms);
            CREATE INDEX question_log_intent_asked_at ON question_log (intent, asked_at_ms);
            """),
    ];

    public static int Latest => All[^1].Version;
}
