namespace ScimClean.Bench;

/// <summary>One run's figures; <see cref="ErrorKinds"/> says what the errors were (status codes, exceptions), if any.</summary>
internal sealed record LoadResult(string Name, long Requests, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms, string ErrorKinds = "")
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
