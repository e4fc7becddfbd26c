using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ScimClean.Infrastructure.Persistence;

internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    value => FromStored(value))
{
    /// <summary>A stored time (UTC, without a kind) as the entity holds it; also for readers that bypass EF Core.</summary>
    public static DateTimeOffset FromStored(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
