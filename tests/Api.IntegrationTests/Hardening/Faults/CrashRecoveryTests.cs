using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

namespace ScimClean.Api.IntegrationTests.Hardening.Faults;

/// <summary>
/// The real service in a child process, killed with SIGKILL in the middle of a burst of concurrent SCIM writes and
/// restarted on the same database, round after round. Afterwards every acknowledged write is there, no PATCH is
/// half-applied, and every committed event reached the receiver at least once, in order per resource.
/// Set <c>SCIMCLEAN_CRASH_SEED</c> to replay a run with the seed it printed.
/// </summary>
[Collection(nameof(ChildProcesses))]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    public const string SeedVariable = "SCIMCLEAN_CRASH_SEED";

    private const string AdminKey = "crash-admin-key-0123456789";
    private const int Rounds = 5;
    private const int Workers = 6;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(180);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => new("Sqlite", "Postgres");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KilledMidBurst_ShouldKeepAcknowledgedWrites_AndDeliverEveryCommittedEventInOrder(string provider)
    {
        if (provider == "Postgres")
        {
            TestDatabase.SkipUnlessPostgres("The crash test always runs on SQLite; this case repeats it on PostgreSQL.");
        }

        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        Report($"crash test [{provider}]: seed={seed} (replay with {SeedVariable}={seed})");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();

        await using var database = provider == "Postgres" ? TestDatabase.Create() : TestDatabase.CreateSqlite();
        using var receiver = WebhookReceiver.Start();
        var settings = new Dictionary<string, string>
        {
            ["Admin__ApiKey"] = AdminKey,
            ["Webhooks__AllowPrivateNetworks"] = "true",
            // The documented knob for the in-flight lease (default 30 s): a killed instance's leased deliveries are sent
            // again after it, so a short lease lets the test wait for redelivery instead of for the wall clock.
            ["Webhooks__LeaseSeconds"] = "2",
            ["Webhooks__PollIntervalMs"] = "200",
            // The burst is one organization far above Entra's rate; the limiter is not under test here.
            ["Scim__RateLimit__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var service = await ServiceProcess.StartAsync(database, settings, ReadyTimeout, Ct);
        try
        {
            var (domain, token) = await ArrangeAsync(service, receiver.Url);
            var basePath = $"/org/{domain}/scim/v2";
            var workload = new CrashWorkload(seed, Workers);
            for (var round = 1; round <= Rounds; round++)
            {
                using (var scim = service.CreateClient(token))
                {
                    var phase = Stopwatch.StartNew();
                    if (round > 1)
                    {
                        await workload.VerifyAndReconcileAsync(scim, basePath, $"after restart {round - 1}");
                    }

                    var verified = phase.Elapsed;
                    var killAfter = random.Next(20, 120);
                    var pid = service.Id;
                    await workload.RunRoundAsync(scim, basePath, round, killAfter, service.KillAsync);
                    Report($"round {round}: pid {pid} ready in {service.StartupTime.TotalSeconds:0.0}s, state verified in " +
                        $"{verified.TotalSeconds:0.0}s, SIGKILL after {killAfter} acknowledged writes of the round " +
                        $"({(phase.Elapsed - verified).TotalSeconds:0.0}s); total acknowledged {workload.AckedWrites}, cut by kills {workload.CutWrites}");
                }

                await service.DisposeAsync();
                service = await ServiceProcess.StartAsync(database, settings, ReadyTimeout, Ct);
            }

            using (var scim = service.CreateClient(token))
            {
                await workload.VerifyAndReconcileAsync(scim, basePath, "after the final restart");
            }

            Assert.True(workload.Violations.Count == 0, string.Join(Environment.NewLine, workload.Violations.Take(30)));

            using var admin = service.CreateClient(AdminKey);
            var events = await ReadAllEventsAsync(admin);
            var committed = events.ToDictionary(item => item.Id, StringComparer.Ordinal);
            AssertAcknowledgedWritesHaveEvents(workload, events);
            AssertSequencesAreContiguous(events);

            var waitedForDeliveries = Stopwatch.StartNew();
            var received = await WaitForDeliveriesAsync(receiver, committed.Keys, service);
            Report($"final pid {service.Id} ready in {service.StartupTime.TotalSeconds:0.0}s; every committed event received " +
                $"{waitedForDeliveries.Elapsed.TotalSeconds:0.0}s after the event log was read");
            var firstArrival = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var index = 0; index < received.Count; index++)
            {
                firstArrival.TryAdd(received[index].WebhookId!, index);
            }

            var unknown = firstArrival.Keys.Where(id => !committed.ContainsKey(id)).ToList();
            Assert.True(unknown.Count == 0, $"delivered events that were never committed: {string.Join(", ", unknown.Take(10))}");
            var lost = committed.Keys.Count(id => !firstArrival.ContainsKey(id));
            AssertOrderedPerResource(events, firstArrival);

            Report($"[{provider}] rounds={Rounds} workers={Workers} writes acknowledged={workload.AckedWrites} " +
                $"writes cut by kills={workload.CutWrites} reads={workload.Reads} users={workload.Users.Count(user => user.Id is not null)} " +
                $"groups={workload.Groups.Count(group => group.Id is not null)} events committed={committed.Count} " +
                $"deliveries received={received.Count} distinct={firstArrival.Count} duplicates={received.Count - firstArrival.Count} " +
                $"lost={lost} seed={seed} runtime={clock.Elapsed.TotalSeconds:0.0}s");
            Assert.Equal(0, lost);
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    private async Task<(string Domain, string Token)> ArrangeAsync(ServiceProcess service, string receiverUrl)
    {
        using var admin = service.CreateClient(AdminKey);
        var endpoint = await admin.PostAsJsonAsync("/admin/v1/webhook-endpoints", new { url = receiverUrl }, Ct);
        Assert.Equal(HttpStatusCode.Created, endpoint.StatusCode);
        var (domain, token) = await admin.CreateDirectoryAsync();
        Report($"service pid {service.Id} at {service.BaseUrl}; organization {domain}; receiver {receiverUrl}");
        return (domain, token);
    }

    /// <summary>The whole event log through the admin events API, oldest first.</summary>
    private static async Task<List<CommittedEvent>> ReadAllEventsAsync(HttpClient admin)
    {
        var events = new List<CommittedEvent>();
        string? cursor = null;
        while (true)
        {
            var url = "/admin/v1/events?limit=1000" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}");
            using var response = await admin.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            events.AddRange(page.GetProperty("data").EnumerateArray().Select(CommittedEvent.From));
            cursor = page.GetProperty("nextCursor").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return events;
            }
        }
    }

    /// <summary>An acknowledged create or delete must have committed its event with it (transactional outbox).</summary>
    private static void AssertAcknowledgedWritesHaveEvents(CrashWorkload workload, List<CommittedEvent> events)
    {
        var byResourceAndType = events
            .Where(item => item.ResourceId is not null)
            .Select(item => (item.ResourceId, item.Type))
            .ToHashSet();
        var missing = new List<string>();
        foreach (var user in workload.Users.Where(user => user.Id is not null))
        {
            if (!byResourceAndType.Contains((user.Id, "user.created")))
            {
                missing.Add($"user.created of {user.Id}");
            }

            if (user.Deleted && !byResourceAndType.Contains((user.Id, "user.deleted")))
            {
                missing.Add($"user.deleted of {user.Id}");
            }
        }

        foreach (var group in workload.Groups.Where(group => group.Id is not null))
        {
            if (!byResourceAndType.Contains((group.Id, "group.created")))
            {
                missing.Add($"group.created of {group.Id}");
            }
        }

        Assert.True(missing.Count == 0, $"acknowledged writes without their event: {string.Join(", ", missing.Take(20))}");
    }

    /// <summary>Per resource, sequences run 1, 2, 3, … with no gap or repeat: no event of a committed write is missing.</summary>
    private static void AssertSequencesAreContiguous(List<CommittedEvent> events)
    {
        foreach (var resource in events.Where(item => item.ResourceId is not null).GroupBy(item => item.ResourceId))
        {
            var sequences = resource.Select(item => item.Sequence).Order().ToList();
            Assert.True(
                sequences.SequenceEqual(Enumerable.Range(1, sequences.Count).Select(value => (long)value)),
                $"resource {resource.Key} has sequences [{string.Join(",", sequences)}]");
        }
    }

    /// <summary>
    /// With at-least-once delivery a resend may come after later events, so order is judged on first arrivals: the
    /// first arrival of sequence n+1 must come after the first arrival of sequence n.
    /// </summary>
    private static void AssertOrderedPerResource(List<CommittedEvent> events, Dictionary<string, int> firstArrival)
    {
        foreach (var resource in events.Where(item => item.ResourceId is not null).GroupBy(item => item.ResourceId))
        {
            var ordered = resource.OrderBy(item => item.Sequence).ToList();
            for (var index = 1; index < ordered.Count; index++)
            {
                var earlier = ordered[index - 1];
                var later = ordered[index];
                Assert.True(
                    firstArrival[later.Id] > firstArrival[earlier.Id],
                    $"resource {resource.Key}: sequence {later.Sequence} ({later.Type}) first arrived at #{firstArrival[later.Id]}, " +
                    $"before sequence {earlier.Sequence} ({earlier.Type}) at #{firstArrival[earlier.Id]}");
            }
        }
    }

    private static async Task<IReadOnlyList<ReceivedWebhook>> WaitForDeliveriesAsync(
        WebhookReceiver receiver, IEnumerable<string> committed, ServiceProcess service)
    {
        var expected = committed.ToHashSet(StringComparer.Ordinal);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var received = receiver.Requests;
            var missing = expected.Except(received.Select(request => request.WebhookId!), StringComparer.Ordinal).ToList();
            if (missing.Count == 0)
            {
                return received;
            }

            if (waited.Elapsed > DeliveryTimeout || service.HasExited)
            {
                Assert.Fail(
                    $"{missing.Count} of {expected.Count} committed events never reached the receiver within " +
                    $"{DeliveryTimeout.TotalSeconds:0} s (e.g. {string.Join(", ", missing.Take(10))}); service output:" +
                    $"{Environment.NewLine}{service.RecentOutput()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }

    /// <summary>To the test's output and to the console, so the figures show with <c>--logger "console;verbosity=detailed"</c>.</summary>
    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    /// <summary>One event of the log: its id, type, sequence and the resource the sequence counts on.</summary>
    private sealed record CommittedEvent(string Id, string Type, long Sequence, string? ResourceId)
    {
        public static CommittedEvent From(JsonElement payload)
        {
            var type = payload.GetProperty("type").GetString()!;
            var data = payload.GetProperty("data");
            // Membership events count on the group (contract notes); directory events have no resource.
            var resourceId = type.StartsWith("directory.", StringComparison.Ordinal)
                ? null
                : type.StartsWith("group.user_", StringComparison.Ordinal)
                    ? data.GetProperty("group").GetProperty("id").GetString()
                    : data.GetProperty("id").GetString();
            return new CommittedEvent(payload.GetProperty("id").GetString()!, type, payload.GetProperty("sequence").GetInt64(), resourceId);
        }
    }
}
