using System.Globalization;
using System.Text;

namespace ScimClean.Bench;

/// <summary>Collects rows and prints the one table the benchmark ends with.</summary>
internal sealed class Report
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(LoadResult result, ServiceProcess service, string? note = null)
    {
        string[] row =
        [
            result.Name,
            result.Requests.ToString(CultureInfo.InvariantCulture),
            result.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            result.P50Ms.ToString("F2", CultureInfo.InvariantCulture),
            result.P99Ms.ToString("F2", CultureInfo.InvariantCulture),
            result.Errors.ToString(CultureInfo.InvariantCulture),
            (service.PeakRssBytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture),
            note ?? string.Empty,
        ];
        _rows.Add(row);
        // Printed as it comes, so a long run shows progress and an interrupted one keeps its figures.
        Console.WriteLine("  " + string.Join(" | ", row));
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  {note}");
    }

    public override string ToString()
    {
        string[] header = ["scenario", "requests", "req/s", "p50 ms", "p99 ms", "errors", "peak RSS MB", "note"];
        var all = new List<string[]> { header };
        all.AddRange(_rows);
        var widths = Enumerable.Range(0, header.Length).Select(column => all.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select((cell, column) => cell.PadRight(widths[column]))) + " |");
            if (ReferenceEquals(row, header))
            {
                text.AppendLine("|" + string.Join("|", widths.Select(width => new string('-', width + 2))) + "|");
            }
        }

        foreach (var note in _notes)
        {
            text.AppendLine(note);
        }

        return text.ToString();
    }
}
