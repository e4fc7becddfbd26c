using Microsoft.Extensions.Logging;

namespace ScimClean.Application.UnitTests.TestSupport;

/// <summary>Keeps every log entry, formatted, so tests can assert what was (and was not) written.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<RecordedLog> _entries = [];

    public IReadOnlyList<RecordedLog> Entries => _entries;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        _entries.Add(new RecordedLog(logLevel, formatter(state, exception), exception));
}
