using Microsoft.Extensions.Logging;

namespace ScimClean.Api.IntegrationTests.Hardening.Logging;

/// <summary>One log call as a log store would keep it: every text a sink could write, joined in <see cref="Text"/>.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception, IReadOnlyList<string> StateValues, IReadOnlyList<string> Scopes)
{
    public string Text => string.Join('\n', [Category, Message, Exception ?? string.Empty, .. StateValues, .. Scopes]);

    public override string ToString() => $"[{Level}] {Category}: {Message}{(Exception is null ? "" : " | " + Exception)} | state: {string.Join("; ", StateValues)} | scopes: {string.Join("; ", Scopes)}";
}
