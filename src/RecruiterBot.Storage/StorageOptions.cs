using System.ComponentModel.DataAnnotations;

namespace RecruiterBot.Storage;

/// <summary>Configuration section <c>Storage</c>, plus the connection string <c>ConnectionStrings:RecruiterBot</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "RecruiterBot";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>Storage:Provider</c>: <c>sqlite</c> (default, one instance) or <c>postgres</c> (several instances).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary><c>Storage:SqlitePath</c>: the SQLite file, relative to the working directory; created on first start.</summary>
    public string SqlitePath { get; set; } = "data/recruiterbot.db";

    /// <summary><c>ConnectionStrings:RecruiterBot</c>: the PostgreSQL connection string (required for <c>postgres</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Storage:LogRetentionDays</c>: how long question-log rows are kept. Default 90.</summary>
    [Range(1, 3650, ErrorMessage = "Storage:LogRetentionDays must be between 1 and 3650")]
    public int LogRetentionDays { get; set; } = 90;

    /// <summary><c>Storage:StateRetentionDays</c>: how long a conversation's state (interview checks shown, last topic)
    /// is kept after its last turn; a conversation idle for longer starts afresh. Default 90.</summary>
    [Range(1, 3650, ErrorMessage = "Storage:StateRetentionDays must be between 1 and 3650")]
    public int StateRetentionDays { get; set; } = 90;

    /// <summary><c>Storage:CallTimeoutMilliseconds</c>: the time budget of one store call during a turn; past it the
    /// turn goes on without the store. Default 250.</summary>
    [Range(10, 60_000, ErrorMessage = "Storage:CallTimeoutMilliseconds must be between 10 and 60000")]
    public int CallTimeoutMilliseconds { get; set; } = 250;

    /// <summary><c>Storage:StateCacheEntries</c>: how many conversations' states the SQLite store keeps in memory as
    /// well, so a turn does not read its state back; 0 turns it off. Not used with PostgreSQL, where other instances move
    /// conversations on. Default 10000.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Storage:StateCacheEntries must be between 0 and 1000000")]
    public int StateCacheEntries { get; set; } = 10_000;

    /// <summary><c>Storage:ConnectTimeoutSeconds</c>: PostgreSQL connect timeout. Default 2.</summary>
    [Range(1, 60, ErrorMessage = "Storage:ConnectTimeoutSeconds must be between 1 and 60")]
    public int ConnectTimeoutSeconds { get; set; } = 2;

    /// <summary><c>Storage:CircuitFailureThreshold</c>: failed calls in a row that open the circuit. Default 3.</summary>
    [Range(1, 1000, ErrorMessage = "Storage:CircuitFailureThreshold must be between 1 and 1000")]
    public int CircuitFailureThreshold { get; set; } = 3;

    /// <summary><c>Storage:CircuitBreakSeconds</c>: how long an open circuit skips the store before one call tries it
    /// again. Default 5.</summary>
    [Range(1, 3600, ErrorMessage = "Storage:CircuitBreakSeconds must be between 1 and 3600")]
    public int CircuitBreakSeconds { get; set; } = 5;

    /// <summary><c>Storage:RetentionIntervalMinutes</c>: how often expired log rows, inbound claims and idle conversations' states are deleted. Default 60.</summary>
    [Range(1, 1440, ErrorMessage = "Storage:RetentionIntervalMinutes must be between 1 and 1440")]
    public int RetentionIntervalMinutes { get; set; } = 60;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres && !string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult($"Storage:Provider must be '{Sqlite}' or '{Postgres}', not '{Provider}'", [nameof(Provider)]);
        else if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult($"ConnectionStrings:{ConnectionStringName} is required when Storage:Provider is '{Postgres}'", [nameof(ConnectionString)]);
        else if (!IsPostgres && string.IsNullOrWhiteSpace(SqlitePath))
            yield return new ValidationResult("Storage:SqlitePath must name a file when Storage:Provider is 'sqlite'", [nameof(SqlitePath)]);
    }
}
