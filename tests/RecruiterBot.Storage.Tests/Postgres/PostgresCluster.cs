using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace RecruiterBot.Storage.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster in a temp folder, listening on a free loopback port (and a socket in the folder).
/// As root the server runs as the <c>postgres</c> user (initdb refuses root). Fails with a clear message when the
/// server binaries are missing: tests/setup/postgres.sh installs them.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string User = "recruiterbot";
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string bin, string root, int port, bool asPostgresUser) =>
        (_bin, _root, Port, _asPostgresUser) = (bin, root, port, asPostgresUser);

    public int Port { get; }

    private string DataFolder => Path.Combine(_root, "data");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "recruiterbot-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        var asPostgres = Environment.IsPrivilegedProcess;
        if (asPostgres) await RunAsync("chown", ["postgres:postgres", root]);
        var cluster = new PostgresCluster(bin, root, FreePort(), asPostgres);
        try
        {
            await cluster.ToolAsync("initdb", ["-D", cluster.DataFolder, "-A", "trust", "-U", User, "-E", "UTF8", "--no-sync"]);
            await cluster.StartAgainAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
    }.ToString();

    /// <summary>A new empty database, so each test starts from nothing.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Kills the server the way a crash would (<c>pg_ctl stop -m immediate</c>).</summary>
    public Task KillAsync() => ToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);

    public Task StartAgainAsync() => ToolAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"]);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try { await KillAsync(); } catch (InvalidOperationException) { /* already stopped */ }
        }
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl")) && File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault();
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Install them with 'bash tests/setup/postgres.sh' (Debian package postgresql); the storage tests need a real PostgreSQL.");
    }

    private Task ToolAsync(string tool, IReadOnlyList<string> args)
    {
        var path = Path.Combine(_bin, tool);
        return _asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
