using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ScimClean.Bench;

/// <summary>Creates users through the SCIM API, optionally doing Entra's "does it exist?" filter first.</summary>
internal static class UserLoader
{
    public sealed record Loaded(string[] Ids, LoadResult Creates, LoadResult? Lookups, TimeSpan Elapsed);

    public static async Task<Loaded> LoadAsync(
        HttpClient client,
        string domain,
        string token,
        int count,
        int concurrency,
        bool lookUpFirst,
        string name)
    {
        var ids = new string[count];
        var next = -1;
        var errors = 0L;
        var createLatencies = new List<double>[concurrency];
        var lookupLatencies = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var creates = createLatencies[worker] = [];
            var lookups = lookupLatencies[worker] = [];
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    return;
                }

                if (lookUpFirst)
                {
                    var filter = ScimApi.Filter($"userName eq \"{ScimApi.UserName(domain, index)}\"");
                    using var lookup = ScimApi.Scim(HttpMethod.Get, domain, token, $"/Users?filter={filter}");
                    var started = Stopwatch.GetTimestamp();
                    using var found = await client.SendAsync(lookup);
                    await found.Content.LoadIntoBufferAsync();
                    lookups.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!found.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }

                using var create = ScimApi.Scim(HttpMethod.Post, domain, token, "/Users", ScimApi.User(domain, index));
                var createStarted = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(create);
                var body = await response.Content.ReadFromJsonAsync<JsonObject>();
                creates.Add(Stopwatch.GetElapsedTime(createStarted).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                ids[index] = body!["id"]!.GetValue<string>();
            }
        }));
        stopwatch.Stop();

        static LoadResult Summarize(string label, List<double>[] lists, long errors, TimeSpan elapsed)
        {
            var all = lists.SelectMany(list => list).Order().ToArray();
            return new LoadResult(label, all.Length, errors, elapsed, LoadRunner.Percentile(all, 0.5), LoadRunner.Percentile(all, 0.99));
        }

        var createsResult = Summarize($"{name}: POST /Users", createLatencies, errors, stopwatch.Elapsed);
        var lookupsResult = lookUpFirst ? Summarize($"{name}: GET filter (0 hits)", lookupLatencies, 0, stopwatch.Elapsed) : null;
        return new Loaded(ids, createsResult, lookupsResult, stopwatch.Elapsed);
    }
}
