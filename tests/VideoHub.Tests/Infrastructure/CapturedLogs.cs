using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoHub.Tests.Infrastructure;

/// <summary>Keeps every log message the app writes, so tests can check what is (and is not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. entries];

    /// <summary>Every message and exception text, for "never logged" checks.</summary>
    public string AllText => string.Join("\n", entries.Select(e => e.Message));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception) + (exception is null ? "" : "\n" + exception);
            owner.entries.Enqueue((logLevel, category, message));
        }
    }
}
