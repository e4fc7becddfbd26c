using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ScimClean.Bench;

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers each send one request, wait for the answer, and send
/// the next, for a fixed duration or a fixed number of requests. Latency is measured per request.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        string name,
        HttpClient client,
        int concurrency,
        Func<long, HttpRequestMessage> createRequest,
        TimeSpan? duration = null,
        long? totalRequests = null,
        Func<HttpResponseMessage, bool>? isSuccess = null,
        TimeSpan? warmUp = null,
        Action? measuring = null)
    {
        if (warmUp is { } warmUpDuration && warmUpDuration > TimeSpan.Zero)
        {
            // Unmeasured: the first requests of a new path pay for JIT tiering and cold caches, which a long-running
            // service pays once; the row reports the steady state that follows.
            await RunAsync(name, client, concurrency, createRequest, warmUpDuration, isSuccess: isSuccess);
        }

        // Lets the caller start its CPU count here, so the warm-up is not charged to the measured requests.
        measuring?.Invoke();

        isSuccess ??= response => response.IsSuccessStatusCode;
        var next = -1L;
        var errors = 0L;
        var errorKinds = new ConcurrentDictionary<string, int>();
        void Failed(string kind)
        {
            Interlocked.Increment(ref errors);
            errorKinds.AddOrUpdate(kind, 1, (_, count) => count + 1);
        }

        var latencies = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        var deadline = duration is { } d ? d : TimeSpan.MaxValue;

        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (stopwatch.Elapsed < deadline)
            {
                var index = Interlocked.Increment(ref next);
                if (totalRequests is { } total && index >= total)
                {
                    return;
                }

                using var request = createRequest(index);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    if (!isSuccess(response))
                    {
                        Failed(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                    }
                }
                catch (HttpRequestException)
                {
                    Failed("connection");
                }
                catch (TaskCanceledException)
                {
                    Failed("timeout");
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        stopwatch.Stop();

        var all = latencies.SelectMany(list => list).Order().ToArray();
        var kinds = string.Join(", ", errorKinds.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Value} x {pair.Key}"));
        return new LoadResult(name, all.Length, errors, stopwatch.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99), kinds);
    }

    public static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
