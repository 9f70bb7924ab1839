using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RecruiterBot.Storage.Tests.Fakes;

/// <summary>Keeps what was logged, for assertions on how often a warning is written.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IReadOnlyList<string> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
