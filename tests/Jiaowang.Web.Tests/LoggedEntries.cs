using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jiaowang.Web.Tests;

/// <summary>
/// What the app logs, as an operator's log would hold it: add it as a logger provider
/// (<c>services.AddSingleton&lt;ILoggerProvider&gt;(logged)</c>) and read <see cref="AtLeast"/>.
/// </summary>
public sealed class LoggedEntries : ILoggerProvider
{
    readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> entries = new();

    /// <summary>Entries at <paramref name="level"/> or above, each as "Level Category: message".</summary>
    public IReadOnlyList<string> AtLeast(LogLevel level) =>
        entries.Where(e => e.Level >= level).Select(e => $"{e.Level} {e.Category}: {e.Message}").ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);
    public void Dispose() { }

    sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
