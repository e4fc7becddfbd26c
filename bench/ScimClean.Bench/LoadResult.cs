namespace ScimClean.Bench;

internal sealed record LoadResult(string Name, long Requests, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
