using System.Globalization;

namespace ScimClean.Bench;

internal sealed record BenchOptions(
    string ApiDll,
    int Users,
    int SteadyUsers,
    int Groups,
    int Memberships,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int Concurrency,
    string? PostgresConnectionString,
    int ServicePort,
    int ReceiverPort,
    IReadOnlySet<string> Scenarios)
{
    /// <summary>The scenario groups, in the order they run; <c>--only steady,webhooks</c> runs a subset; <c>floor</c> runs on SQLite only.</summary>
    public static readonly string[] AllScenarios = ["ceiling", "cycle", "steady", "webhooks", "floor"];

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Number(string name, int fallback) =>
            Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var apiDll = Value("--api")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Api/bin/Release/net10.0/ScimClean.Api.dll"));
        if (!File.Exists(apiDll))
        {
            throw new FileNotFoundException($"build the service in Release first (bench/run.sh does): {apiDll}");
        }

        return new BenchOptions(
            apiDll,
            Number("--users", 10_000),
            Number("--steady-users", 100_000),
            Number("--groups", 500),
            Number("--memberships", 50_000),
            TimeSpan.FromSeconds(Number("--duration", 10)),
            TimeSpan.FromSeconds(Number("--warm-up", 2)),
            Number("--concurrency", 16),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("SCIMCLEAN_BENCH_POSTGRES"),
            Number("--port", 5180),
            Number("--receiver-port", 5181),
            ParseScenarios(Value("--only")));
    }

    private static HashSet<string> ParseScenarios(string? only)
    {
        if (only is null)
        {
            return [.. AllScenarios];
        }

        var chosen = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = chosen.Except(AllScenarios).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown scenario {string.Join(", ", unknown)}; known: {string.Join(", ", AllScenarios)}");
        }

        return chosen;
    }
}
