using System.Data.Common;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Reads a time column as EF Core's SQLite provider stores it (<c>yyyy-MM-dd HH:mm:ss</c> and up to seven fraction
/// digits, UTC by this model's converter), by hand: <see cref="DbDataReader.GetDateTime"/> runs the general date parser,
/// which cost more than the rest of a user's columns together. Any other shape goes to that parser.
/// </summary>
internal static class SqliteStoredTime
{
    private const int SecondsLength = 19;
    private const int MaxLength = SecondsLength + 8;

    public static DateTimeOffset Read(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) == typeof(string) && TryParse(reader.GetString(ordinal), out var parsed))
        {
            return UtcDateTimeOffsetConverter.FromStored(parsed);
        }

        return UtcDateTimeOffsetConverter.FromStored(reader.GetDateTime(ordinal));
    }

    internal static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length is < SecondsLength or > MaxLength or (SecondsLength + 1)
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || (text.Length > SecondsLength && text[SecondsLength] != '.'))
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute)
            || !TryDigits(text[17..19], out var second))
        {
            return false;
        }

        var ticks = 0;
        if (text.Length > SecondsLength)
        {
            var fraction = text[(SecondsLength + 1)..];
            if (!TryDigits(fraction, out ticks))
            {
                return false;
            }

            // Seven digits are ticks; fewer are the leading digits of them.
            for (var missing = 7 - fraction.Length; missing > 0; missing--)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
