using System.Globalization;
using ScimClean.Application.Scim;

namespace ScimClean.Application.UnitTests.Scim;

public sealed class ScimMetaTests
{
    [Fact]
    public void FormatTimestamp_ShouldWriteWhatTheCustomFormatWrites()
    {
        var random = new Random(7);
        var samples = new List<DateTimeOffset>
        {
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
            new(2026, 11, 28, 19, 2, 11, 482, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-7)).AddTicks(9_999),
        };
        for (var index = 0; index < 2000; index++)
        {
            samples.Add(new DateTimeOffset(random.NextInt64(DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay), TimeSpan.Zero)
                .ToOffset(TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60))));
        }

        foreach (var sample in samples)
        {
            Assert.Equal(
                sample.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ScimMeta.FormatTimestamp(sample));
        }
    }
}
