using Microsoft.Extensions.Logging;

namespace ScimClean.Application.UnitTests.TestSupport;

internal sealed record RecordedLog(LogLevel Level, string Message, Exception? Exception);
