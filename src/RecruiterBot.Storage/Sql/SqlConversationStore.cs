using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Storage.Sql;

/// <summary>
/// The store on a SQL database: one schema and one set of statements for SQLite and PostgreSQL. A provider supplies
/// connections, the lock that serializes migrations, and the auto-increment column. Times are Unix milliseconds (UTC).
/// </summary>
public abstract class SqlConversationStore : IConversationStore, IQuestionStats, IAsyncDisposable
{
    private const long DayMilliseconds = 86_400_000;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly ConcurrentQueue<PendingWrite> _pendingWrites = new();
    private volatile bool _schemaReady;

    private protected SqlConversationStore(TimeProvider time) => Time = time;

    protected TimeProvider Time { get; }

    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Provider { get; }

    /// <summary>Where the data is, for messages: the SQLite file, or the PostgreSQL host and database.</summary>
    public abstract string Location { get; }

    private protected abstract string IdentityColumn { get; }

    private protected abstract DbConnection CreateConnection();

    /// <summary>Starts the migration transaction holding the lock that keeps two instances from migrating at once.</summary>
    private protected abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Called before migrating, outside any transaction (SQLite: the folder, WAL mode).</summary>
    private protected virtual Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Called on every connection opened for writing (SQLite: its per-connection commit settings; reads skip them).</summary>
    private protected virtual Task OnOpenedForWritingAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Held around writes when the database takes one writer at a time (SQLite): the writes waiting for it are
    /// committed together, in one transaction. Null: every write runs on its own, concurrently (PostgreSQL).</summary>
    private protected virtual SemaphoreSlim? WriteGate => null;

    // The most writes committed in one transaction.
    private const int MaxWritesPerCommit = 64;

    /// <summary>Called when a connection or command failed, so a provider can drop pooled connections to a dead server.</summary>
    private protected virtual void OnFailure(Exception error) { }

    /// <summary>Called after each group commit, still holding the <see cref="WriteGate"/>.</summary>
    private protected virtual void AfterCommit() { }

    /// <summary>Applies the migrations this database has not had yet; the store also does this before its first call.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (_schemaReady) return;
        await _schemaGate.WaitAsync(ct);
        try
        {
            if (_schemaReady) return;
            // Its own connection, not a kept session: a migration runs once and its statements are never run again.
            await using var session = new StoreSession(await OpenAsync(forWriting: true, ct));
            var connection = session.Connection;
            await PrepareAsync(connection, ct);
            await using var tx = await BeginMigrationAsync(connection, ct);
            await ExecuteAsync(session, tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)", ct);
            var current = Convert.ToInt32(await ScalarAsync(session, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version", ct));
            if (current > Migration.Latest)
                throw new InvalidOperationException($"The {Provider} database at {Location} has schema version {current}, newer than this build knows ({Migration.Latest}); update RecruiterBot.");
            foreach (var migration in Migration.All.Where(m => m.Version > current))
            {
                await ExecuteAsync(session, tx, migration.Sql.Replace("{identity}", IdentityColumn, StringComparison.Ordinal), ct);
                await ExecuteAsync(session, tx, "INSERT INTO schema_version (version, description, applied_at_ms) VALUES (@version, @description, @now)", ct,
                    ("version", migration.Version), ("description", migration.Description), ("now", NowMs()));
            }
            await tx.CommitAsync(ct);
            _schemaReady = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            OnFailure(e);
            throw;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct) => RunAsync(async session =>
    {
        var command = session.Statement("SELECT version, state FROM conversation_state WHERE conversation_key = @key", null, ("key", conversationKey));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        // An unreadable state starts over at the stored version, so the next save still succeeds.
        var state = ReadState(reader.GetString(1)) ?? ConversationState.New();
        return state with { Version = reader.GetInt64(0) };
    }, ct);

    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct) =>
        WriteAsync(session => SaveStateAsync(session, conversationKey, state, ct), ct);

    public Task<TurnSaveResult> TrySaveTurnAsync(TurnSave turn, CancellationToken ct) => WriteAsync(async session =>
    {
        if (turn.InboundId is { } id && await ClaimInboundAsync(session, id, turn.StateBefore, ct) is { } first) return TurnSaveResult.Duplicate(first);
        if (!await SaveStateAsync(session, turn.ConversationKey, turn.State, ct))
        {
            if (turn.InboundId is { } claimed) await DeleteClaimAsync(session, claimed, ct);
            return TurnSaveResult.Superseded;
        }
        await InsertQuestionAsync(session, turn.Question, ct);
        return TurnSaveResult.Saved;
    }, ct);

    private async Task<bool> SaveStateAsync(StoreSession session, string conversationKey, ConversationState state, CancellationToken ct)
    {
        // One statement, atomic on both databases: insert the first version, or replace exactly the previous one.
        const string sql = """
            INSERT INTO conversation_state (conversation_key, version, state, updated_at_ms)
            SELECT @key, @version, @state, @now
            WHERE @version <= 1 OR EXISTS (SELECT 1 FROM conversation_state WHERE conversation_key = @key)
            ON CONFLICT (conversation_key) DO UPDATE
                SET version = excluded.version, state = excluded.state, updated_at_ms = excluded.updated_at_ms
                WHERE conversation_state.version = excluded.version - 1
            """;
        var rows = await ExecuteAsync(session, null, sql, ct,
            ("key", conversationKey), ("version", state.Version), ("state", WriteState(state)), ("now", NowMs()));
        return rows == 1;
    }

    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) =>
        WriteAsync(session => ClaimInboundAsync(session, inboundId, stateBefore, ct), ct);

    private async Task<InboundClaim?> ClaimInboundAsync(StoreSession session, string inboundId, ConversationState? stateBefore, CancellationToken ct)
    {
        const string claim = """
            INSERT INTO inbound_claim (inbound_id, claimed_at_ms, state_before) VALUES (@id, @now, @state)
            ON CONFLICT (inbound_id) DO UPDATE SET claimed_at_ms = excluded.claimed_at_ms, state_before = excluded.state_before
                WHERE inbound_claim.claimed_at_ms <= @expired
            """;
        var now = Time.GetUtcNow();
        // A claim released between the insert and the read is claimed again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var rows = await ExecuteAsync(session, null, claim, ct, ("id", inboundId), ("now", now.ToUnixTimeMilliseconds()),
                ("state", stateBefore is null ? null : WriteState(stateBefore)), ("expired", (now - InboundClaim.Lifetime).ToUnixTimeMilliseconds()));
            if (rows == 1) return null;
            var command = session.Statement("SELECT claimed_at_ms, state_before FROM inbound_claim WHERE inbound_id = @id", null, ("id", inboundId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
                return new InboundClaim(inboundId, reader.IsDBNull(1) ? null : ReadState(reader.GetString(1)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
        }
        throw new InvalidOperationException($"Inbound id claim kept disappearing in the {Provider} store.");
    }

    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) =>
        WriteAsync(session => DeleteClaimAsync(session, inboundId, ct), ct);

    private static Task<int> DeleteClaimAsync(StoreSession session, string inboundId, CancellationToken ct) =>
        ExecuteAsync(session, null, "DELETE FROM inbound_claim WHERE inbound_id = @id", ct, ("id", inboundId));

    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) =>
        WriteAsync(session => InsertQuestionAsync(session, entry, ct), ct);

    private static Task<int> InsertQuestionAsync(StoreSession session, QuestionLogEntry entry, CancellationToken ct) => ExecuteAsync(session, null, """
        INSERT INTO question_log (asked_at_ms, channel, intent, entry_kind, entry_id, confidence, question, resume_skill_count)
        VALUES (@at, @channel, @intent, @kind, @entry, @confidence, @question, @skills)
        """, ct, ("at", entry.At.ToUnixTimeMilliseconds()), ("channel", entry.Channel), ("intent", entry.Intent), ("kind", entry.EntryKind),
        ("entry", entry.EntryId), ("confidence", entry.Confidence), ("question", entry.Question), ("skills", entry.ResumeSkillCount));

    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) => RunAsync(async session =>
    {
        var version = await ScalarAsync(session, null, "SELECT MAX(version) FROM schema_version", ct);
        return new StoreHealth(true, Provider, $"{Location}, schema version {version}");
    }, ct);

    /// <summary>Deletes question-log rows asked before <paramref name="logBefore"/>, inbound claims past their lifetime
    /// and the state of conversations whose last turn was before <paramref name="stateBefore"/>.</summary>
    public Task<ExpiredRows> DeleteExpiredAsync(DateTimeOffset logBefore, DateTimeOffset stateBefore, CancellationToken ct) => WriteAsync(async session =>
    {
        var logRows = await ExecuteAsync(session, null, "DELETE FROM question_log WHERE asked_at_ms < @before", ct,
            ("before", logBefore.ToUnixTimeMilliseconds()));
        var claims = await ExecuteAsync(session, null, "DELETE FROM inbound_claim WHERE claimed_at_ms <= @expired", ct,
            ("expired", (Time.GetUtcNow() - InboundClaim.Lifetime).ToUnixTimeMilliseconds()));
        // No index on updated_at_ms: every turn would pay to keep it up to date, for a scan that runs once an interval.
        // A turn that loaded a state deleted here finds its save superseded and runs again from a fresh state.
        var conversations = await ExecuteAsync(session, null, "DELETE FROM conversation_state WHERE updated_at_ms < @before", ct,
            ("before", stateBefore.ToUnixTimeMilliseconds()));
        return new ExpiredRows(logRows, claims, conversations);
    }, ct);

    public Task<QuestionStats> GetQuestionStatsAsync(DateTimeOffset since, int unansweredLimit, CancellationToken ct) => RunAsync(async session =>
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        var perDay = await QueryAsync(session, $"""
            SELECT asked_at_ms / {DayMilliseconds}, channel, COUNT(*) FROM question_log WHERE asked_at_ms >= @since
            GROUP BY asked_at_ms / {DayMilliseconds}, channel ORDER BY 1, 2
            """, r => new DayCount(DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(Convert.ToInt64(r.GetValue(0)))), r.GetString(1), Convert.ToInt64(r.GetValue(2))),
            ct, ("since", sinceMs));
        var intents = await QueryAsync(session, """
            SELECT intent, COUNT(*) FROM question_log WHERE asked_at_ms >= @since GROUP BY intent ORDER BY 2 DESC, 1
            """, r => new NamedCount(r.GetString(0), Convert.ToInt64(r.GetValue(1))), ct, ("since", sinceMs));
        var top = await QueryAsync(session, $"""
            SELECT entry_kind, entry_id, COUNT(*) FROM question_log
            WHERE asked_at_ms >= @since AND entry_id IS NOT NULL AND entry_kind IS NOT NULL AND intent <> 'resume'
            GROUP BY entry_kind, entry_id ORDER BY 3 DESC, 1, 2 LIMIT {QuestionStats.TopEntryLimit}
            """, r => new EntryCount(r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2))), ct, ("since", sinceMs));
        var unanswered = await QueryAsync(session, """
            SELECT question, COUNT(*), MAX(asked_at_ms) FROM question_log
            WHERE asked_at_ms >= @since AND intent = 'unknown' AND question IS NOT NULL AND question <> ''
            GROUP BY question ORDER BY 3 DESC, 1 LIMIT @limit
            """, r => new UnansweredQuestion(r.GetString(0), Convert.ToInt64(r.GetValue(1)), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(2)))),
            ct, ("since", sinceMs), ("limit", (long)Math.Max(0, unansweredLimit)));
        var perChannel = perDay.GroupBy(d => d.Channel).Select(g => new NamedCount(g.Key, g.Sum(d => d.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        return new QuestionStats(since, perDay.Sum(d => d.Count), perDay, perChannel, intents, top, unanswered);
    }, ct);

    public virtual ValueTask DisposeAsync()
    {
        _schemaGate.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs a write. With a <see cref="WriteGate"/>, writes queue, and whoever holds the gate commits everything queued
    /// in one transaction (group commit): a burst of turns costs a few commits instead of one each. Every write still
    /// sees the ones before it, and its caller hears back only once the transaction is committed.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<StoreSession, Task<T>> work, CancellationToken ct)
    {
        if (WriteGate is not { } gate) return await RunAsync(session => InTransactionAsync(session, work, ct), ct, forWriting: true);
        var write = new PendingWrite<T>(work);
        _pendingWrites.Enqueue(write);
        try
        {
            await gate.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Given up before any batch took it: it is skipped, not written late. Once taken, it runs to the end.
            if (write.TryCancel()) throw;
            return await write.Task;
        }
        try
        {
            while (!write.IsCompleted) await CommitPendingWritesAsync();
        }
        finally
        {
            gate.Release();
        }
        return await write.Task;
    }

    // A write on its own, all or nothing: a turn's claim, state and log row are kept together or not at all. On an
    // error the session is closed, and the open transaction with it.
    private static async Task<T> InTransactionAsync<T>(StoreSession session, Func<StoreSession, Task<T>> work, CancellationToken ct)
    {
        await ExecuteAsync(session, null, "BEGIN", ct);
        var result = await work(session);
        await ExecuteAsync(session, null, "COMMIT", ct);
        return result;
    }

    private async Task CommitPendingWritesAsync()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxWritesPerCommit && _pendingWrites.TryDequeue(out var next))
            if (next.TryStart()) batch.Add(next);
        if (batch.Count == 0) return;
        StoreSession? session = null;
        var healthy = false;
        try
        {
            // Writes already accepted run to the end: one caller giving up must not cancel the others in the batch.
            await MigrateAsync(CancellationToken.None);
            session = await TakeSessionAsync(forWriting: true, CancellationToken.None);
            // Plain statements rather than BeginTransaction, so the writes' commands need no transaction object.
            await ExecuteAsync(session, null, "BEGIN IMMEDIATE", CancellationToken.None);
            foreach (var write in batch) await write.RunAsync(session);
            await ExecuteAsync(session, null, "COMMIT", CancellationToken.None);
            healthy = true;
            foreach (var write in batch) write.Complete();
            AfterCommit();
        }
        catch (Exception e)
        {
            OnFailure(e);
            if (session is not null)
            {
                // A failed commit must not be used again with its transaction open (the session is closed below anyway).
                try { await ExecuteAsync(session, null, "ROLLBACK", CancellationToken.None); }
                catch (DbException) { }
            }
            foreach (var write in batch) write.Fail(e);
        }
        finally
        {
            if (session is not null) await ReturnSessionAsync(session, forWriting: true, healthy);
        }
    }

    private abstract class PendingWrite
    {
        private int _state; // 0 queued, 1 taken by a batch, 2 cancelled

        public abstract bool IsCompleted { get; }

        public bool TryStart() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public bool TryCancel()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) != 0) return false;
            Cancel();
            return true;
        }

        protected abstract void Cancel();

        /// <summary>Runs the write in the open transaction and keeps its result or its error.</summary>
        public abstract Task RunAsync(StoreSession session);

        /// <summary>The transaction is committed: the caller gets the write's result (or its own error).</summary>
        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private sealed class PendingWrite<T>(Func<StoreSession, Task<T>> work) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _done.Task;

        public override bool IsCompleted => _done.Task.IsCompleted;

        public override async Task RunAsync(StoreSession session)
        {
            // Each write is all or nothing within the batch (a turn's claim, state and log row stay together), and a
            // failed one does not stop the rest of the batch from committing.
            await ExecuteAsync(session, null, "SAVEPOINT pending_write", CancellationToken.None);
            try
            {
                _result = await work(session);
            }
            catch (Exception e)
            {
                _error = e;
                await ExecuteAsync(session, null, "ROLLBACK TO pending_write", CancellationToken.None);
            }
            await ExecuteAsync(session, null, "RELEASE pending_write", CancellationToken.None);
        }

        public override void Complete()
        {
            if (_error is not null) _done.TrySetException(_error);
            else _done.TrySetResult(_result!);
        }

        public override void Fail(Exception error) => _done.TrySetException(_error ?? error);

        protected override void Cancel() => _done.TrySetCanceled();
    }

    private async Task<T> RunAsync<T>(Func<StoreSession, Task<T>> work, CancellationToken ct, bool forWriting = false)
    {
        await MigrateAsync(ct);
        StoreSession? session = null;
        var healthy = false;
        try
        {
            session = await TakeSessionAsync(forWriting, ct);
            var result = await work(session);
            healthy = true;
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            OnFailure(e);
            throw;
        }
        finally
        {
            if (session is not null) await ReturnSessionAsync(session, forWriting, healthy);
        }
    }

    /// <summary>A session to run statements on: by default a connection opened for the call and closed after it. A
    /// provider may keep sessions open between calls (SQLite), so that their statements are parsed once, not per call.</summary>
    private protected virtual async ValueTask<StoreSession> TakeSessionAsync(bool forWriting, CancellationToken ct) =>
        new(await OpenAsync(forWriting, ct));

    /// <summary>Gives back a session from <see cref="TakeSessionAsync"/>; <paramref name="healthy"/> is false when
    /// its call failed or was cancelled, and then it must not be used again.</summary>
    private protected virtual ValueTask ReturnSessionAsync(StoreSession session, bool forWriting, bool healthy) => session.DisposeAsync();

    private async Task<DbConnection> OpenAsync(bool forWriting, CancellationToken ct)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            if (forWriting) await OnOpenedForWritingAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string WriteState(ConversationState state) => JsonSerializer.Serialize(state, StorageJsonContext.Default.ConversationState);

    private static ConversationState? ReadState(string json)
    {
        try { return JsonSerializer.Deserialize(json, StorageJsonContext.Default.ConversationState); }
        catch (JsonException) { return null; }
    }

    private static async Task<int> ExecuteAsync(StoreSession session, DbTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] parameters) =>
        await session.Statement(sql, tx, parameters).ExecuteNonQueryAsync(ct);

    private static async Task<object?> ScalarAsync(StoreSession session, DbTransaction? tx, string sql, CancellationToken ct) =>
        await session.Statement(sql, tx).ExecuteScalarAsync(ct);

    private static async Task<List<T>> QueryAsync<T>(StoreSession session, string sql, Func<DbDataReader, T> read, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var reader = await session.Statement(sql, null, parameters).ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }
}
