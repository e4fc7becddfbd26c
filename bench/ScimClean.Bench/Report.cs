using System.Globalization;
using System.Text;

namespace ScimClean.Bench;

/// <summary>Collects rows and prints the one table the benchmark ends with.</summary>
internal sealed class Report
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];
    private TimeSpan _cpuMark;

    /// <summary>Starts the CPU count of the next row here (setup work before a run is not charged to it).</summary>
    public void Mark(ServiceProcess service) => _cpuMark = service.CpuTime;

    /// <summary>
    /// Adds a row. Its service CPU per request counts from the last <see cref="Mark"/> or row; a row measured in the
    /// same run as the one before it (<paramref name="cpu"/> false) shows none.
    /// </summary>
    public void Add(LoadResult result, ServiceProcess service, string? note = null, bool cpu = true)
    {
        var cpuNow = service.CpuTime;
        var cpuPerRequest = cpu && result.Requests > 0
            ? ((cpuNow - _cpuMark).TotalMilliseconds / result.Requests).ToString("F3", CultureInfo.InvariantCulture)
            : string.Empty;
        _cpuMark = cpuNow;
        string[] row =
        [
            result.Name,
            result.Requests.ToString(CultureInfo.InvariantCulture),
            result.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            result.P50Ms.ToString("F2", CultureInfo.InvariantCulture),
            result.P99Ms.ToString("F2", CultureInfo.InvariantCulture),
            result.Errors.ToString(CultureInfo.InvariantCulture),
            cpuPerRequest,
            (service.PeakRssBytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture),
            // Which errors, when there were any: a row with errors is not a figure until they are explained.
            string.Join("; ", new[] { note, result.Errors > 0 ? $"errors: {result.ErrorKinds}" : null }.Where(text => !string.IsNullOrEmpty(text))),
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
        string[] header = ["scenario", "requests", "req/s", "p50 ms", "p99 ms", "errors", "cpu ms/req", "peak RSS MB", "note"];
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
