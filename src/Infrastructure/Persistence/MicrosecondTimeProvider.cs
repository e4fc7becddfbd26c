namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// The system clock rounded down to whole microseconds, the resolution of PostgreSQL's <c>timestamptz</c>. With it the
/// timestamps a request returns (meta.created, meta.lastModified, event times) are the ones a later read returns,
/// instead of losing their 100 ns digit on the way through the database.
/// </summary>
internal sealed class MicrosecondTimeProvider(TimeProvider inner) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
