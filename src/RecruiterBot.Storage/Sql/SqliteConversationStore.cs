using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RecruiterBot.Storage.Sql;

/// <summary>The embedded default: one file, nothing to install, one instance.</summary>
internal sealed class SqliteConversationStore : SqlConversationStore
{
    private readonly string _connectionString;
    // SQLite has one writer at a time, and a writer that finds the file locked sleeps 150 ms in Microsoft.Data.Sqlite
    // before it tries again: under a burst, writes queue here instead and are committed together (see WriteAsync).
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    // Sessions kept open between calls, their statements prepared: the one writer (only the write gate's holder takes
    // it) and idle readers, at most MaxIdleReaders of them (a burst opens more and closes the extra ones after).
    private readonly ConcurrentBag<StoreSession> _idleReaders = [];
    private int _idleReaderCount;
    private StoreSession? _writer;
    private readonly SqliteCheckpointer _checkpointer;
    private volatile bool _disposed;
    private static readonly int MaxIdleReaders = Math.Max(4, 2 * Environment.ProcessorCount);

    public SqliteConversationStore(string path, TimeProvider time) : base(time)
    {
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Writers wait for each other (SQLite allows one at a time) instead of failing at once.
            DefaultTimeout = 10,
        }.ToString();
        _checkpointer = new SqliteCheckpointer(_connectionString);
    }

    public string FilePath { get; }

    public override string Provider => StorageOptions.Sqlite;

    public override string Location => FilePath;

    private protected override string IdentityColumn => "INTEGER PRIMARY KEY";

    private protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    private protected override async Task PrepareAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        // Readers do not block the writer; the setting is kept in the file.
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteNonQueryAsync(ct);
    }

    private protected override SemaphoreSlim? WriteGate => _writeGate;

    private protected override void AfterCommit() => _checkpointer.AfterCommit();

    /// <summary>Checkpoints run beside the writer so far (for tests).</summary>
    internal int BackgroundCheckpoints => _checkpointer.Completed;

    private protected override async Task OnOpenedForWritingAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        // With WAL, NORMAL syncs at checkpoints instead of on every commit: the file stays consistent on a crash, and a
        // power loss can only lose the last commits (a conversation's latest step, a log row), not corrupt anything.
        // Checkpoints mostly run beside the writer (SqliteCheckpointer); the writer's own is the backstop.
        command.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {SqliteCheckpointer.WriterCheckpointFrames}";
        await command.ExecuteNonQueryAsync(ct);
    }

    private protected override async ValueTask<StoreSession> TakeSessionAsync(bool forWriting, CancellationToken ct)
    {
        if (forWriting)
        {
            if (Interlocked.Exchange(ref _writer, null) is { } writer) return writer;
        }
        else if (_idleReaders.TryTake(out var reader))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            return reader;
        }
        return await base.TakeSessionAsync(forWriting, ct);
    }

    private protected override ValueTask ReturnSessionAsync(StoreSession session, bool forWriting, bool healthy)
    {
        // A session whose call failed may be mid-statement or mid-transaction: close it, the next call opens a fresh one.
        if (healthy && !_disposed)
        {
            if (forWriting)
            {
                if (Interlocked.CompareExchange(ref _writer, session, null) is null) return CloseKeptIfDisposedAsync();
            }
            else if (Interlocked.Increment(ref _idleReaderCount) <= MaxIdleReaders)
            {
                _idleReaders.Add(session);
                return CloseKeptIfDisposedAsync();
            }
            else Interlocked.Decrement(ref _idleReaderCount);
        }
        return session.DisposeAsync();
    }

    // A session kept while the store was being disposed would otherwise stay open.
    private ValueTask CloseKeptIfDisposedAsync() => _disposed ? CloseKeptSessionsAsync() : ValueTask.CompletedTask;

    private async ValueTask CloseKeptSessionsAsync()
    {
        if (Interlocked.Exchange(ref _writer, null) is { } writer) await writer.DisposeAsync();
        while (_idleReaders.TryTake(out var reader)) await reader.DisposeAsync();
    }

    // BEGIN IMMEDIATE takes the write lock first, so a second process waits instead of migrating too.
    private protected override Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <summary>Creates the file's folder; the file itself is created by the first connection.</summary>
    public static SqliteConversationStore Create(string path, TimeProvider time)
    {
        var store = new SqliteConversationStore(path, time);
        if (Path.GetDirectoryName(store.FilePath) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        _disposed = true;
        await CloseKeptSessionsAsync();
        await _checkpointer.DisposeAsync();
        // Pooled connections keep the file open; let it go with the store.
        using (var connection = new SqliteConnection(_connectionString)) SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
        await base.DisposeAsync();
    }
}
