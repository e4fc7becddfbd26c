using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ScimClean.Api.IntegrationTests.Hardening.Logging;

/// <summary>
/// Keeps every log call of every category at every level: the formatted message, the exception with its stack,
/// each structured state value and each scope (as a JSON or OpenTelemetry sink would write them all).
/// </summary>
[ProviderAlias("Capturing")]
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => _logs.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static IEnumerable<string> Values(object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                yield return $"{key}={Render(value)}";
            }
        }
        else if (state is not null)
        {
            yield return Render(state);
        }
    }

    private static string Render(object? value) => value switch
    {
        null => "null",
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Render)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            provider._scopes.ForEachScope((scope, list) => list.AddRange(Values(scope)), scopes);
            provider._logs.Enqueue(new CapturedLog(
                category, logLevel, formatter(state, exception), exception?.ToString(), [.. Values(state)], scopes));
        }
    }
}
