using Microsoft.Data.Sqlite;

namespace RecruiterBot.Storage.Sql;

/// <summary>
/// Copies the write-ahead log back into the database file on its own connection, off the commit path. SQLite's
/// automatic checkpoint runs inside a commit once the log holds 1,000 pages, and it syncs both files: under load
/// (2,500 turns a second) that was 14-17 checkpoints a second, each holding the one writer (and every turn waiting on
/// it) for two fsyncs. SQLite's documentation suggests running checkpoints in a separate thread instead; this does, every
/// <see cref="CommitsPerCheckpoint"/> commits. The log can only start over from its beginning when a commit finds
/// it fully copied, which a checkpoint running beside the writer rarely sees under load, so the writer keeps an
/// automatic checkpoint of its own at <see cref="WriterCheckpointFrames"/> pages: by then it has little left to copy.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString) : IAsyncDisposable
{
    /// <summary>Commits between two background checkpoints: about 1,000 log pages (SQLite's own cadence) at the
    /// five pages a commit writes under load.</summary>
    public const int CommitsPerCheckpoint = 200;

    /// <summary>The writer's own automatic checkpoint (pages of 4 KB): the most the log grows to, plus what is
    /// committed while a background checkpoint runs. It still syncs both files inside a commit, so every turn waits on
    /// its fsyncs (up to 190 ms seen on a loaded machine): at 4,000 pages, about every 2 s at 3,000 turns/s; at 20,000
    /// (an 80 MB log), a fifth as often. In 60 s open-loop runs at 2,900 turns/s on a noisy machine, 20,000 instead of
    /// 4,000 took the p99 from 51-59 to 9-16 ms and the requests over 50 ms from 1,756-2,080 to 660-926; on a quiet
    /// machine the two were alike.</summary>
    public const int WriterCheckpointFrames = 20_000;

    private int _commitsSinceCheckpoint;
    private Task _running = Task.CompletedTask;
    private StoreSession? _session;
    private int _completed;
    private volatile bool _disposed;
    // Set by a background checkpoint that found the log at the writer's checkpoint size. The writer's checkpoint gives
    // up when it finds one of ours running, and with commits coming fast it kept finding one: the log grew past its
    // size (to 30,000 pages in a test). So ours pause for CommitsPerCheckpoint commits and let the writer's run.
    private volatile bool _logFull;
    private int _pausedCommits;

    /// <summary>Background checkpoints run to the end so far (for tests and diagnostics).</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Called by the writer after each commit, holding the write gate (so never twice at once).</summary>
    public void AfterCommit()
    {
        if (_logFull)
        {
            if (++_pausedCommits < CommitsPerCheckpoint) return;
            _pausedCommits = 0;
            _logFull = false;
        }
        if (++_commitsSinceCheckpoint < CommitsPerCheckpoint || !_running.IsCompleted || _disposed) return;
        _commitsSinceCheckpoint = 0;
        Volatile.Write(ref _running, Task.Run(CheckpointAsync));
    }

    private async Task CheckpointAsync()
    {
        // Started just as the store was disposed: DisposeAsync may already have closed the connection.
        if (_disposed) return;
        try
        {
            if (_session is null)
            {
                var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                _session = new StoreSession(connection);
            }
            // PASSIVE copies what no reader still needs and never waits for a lock; a checkpoint already running
            // (the writer's) makes it report busy instead of failing.
            await using var reader = await _session.Statement("PRAGMA wal_checkpoint(PASSIVE)", null).ExecuteReaderAsync();
            // One row: busy, pages in the log, pages copied.
            if (await reader.ReadAsync() && !reader.IsDBNull(1) && reader.GetInt64(1) >= WriterCheckpointFrames) _logFull = true;
            Interlocked.Increment(ref _completed);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            // Nothing is lost: the writer's own checkpoint still bounds the log. A fresh connection is opened next time.
            if (_session is not null) await _session.DisposeAsync();
            _session = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await Volatile.Read(ref _running);
        if (_session is not null) await _session.DisposeAsync();
        _session = null;
    }
}
