using System.Data.Common;

namespace RecruiterBot.Storage.Sql;

/// <summary>
/// An open connection and the statements run on it, each created once per session and then reused with new parameter
/// values. A session kept open between calls (SQLite) runs a statement it has seen without parsing and planning it
/// again, which was most of SQLite's cost per turn. One caller at a time: the store hands a session to one call.
/// </summary>
internal sealed class StoreSession(DbConnection connection) : IAsyncDisposable
{
    // Keyed by the SQL text: the store's statements are constants, so this holds a few dozen at most.
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);

    public DbConnection Connection { get; } = connection;

    /// <summary>The command for <paramref name="sql"/> with these parameter values. The session owns it: callers
    /// dispose the readers they open, never the command.</summary>
    public DbCommand Statement(string sql, DbTransaction? transaction, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@" + name;
                command.Parameters.Add(p);
            }
            _statements.Add(sql, command);
        }
        if (command.Parameters.Count != parameters.Length)
            throw new InvalidOperationException($"'{sql}' was first run with {command.Parameters.Count} parameters, now with {parameters.Length}.");
        // The same statement always names the same parameters in the same order.
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _statements.Values) await command.DisposeAsync();
        _statements.Clear();
        await Connection.DisposeAsync();
    }
}
