using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Api.IntegrationTests.Webhooks;
using ScimClean.Api.IntegrationTests.Webhooks.Dispatch;
using static ScimClean.Api.IntegrationTests.Scim.Users.PatchBodies;

namespace ScimClean.Api.IntegrationTests.Hardening.Faults;

/// <summary>
/// A receiver that hangs, is down, or answers garbage must not slow the SCIM API: with the real background dispatcher
/// sending to it, a burst of SCIM writes and reads completes while the receiver is still misbehaving. Afterwards the
/// deliveries are recorded as failing and retried on the schedule (the fake clock moves it), and every event arrives.
/// </summary>
public sealed class ReceiverTroubleTests(ITestOutputHelper output)
{
    private const int BurstUsers = 12;
    private static readonly TimeSpan ConditionTimeout = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:PollIntervalMs"] = "50",
        // The burst is one organization far above Entra's rate; the limiter is not under test here.
        ["Scim:RateLimit:Enabled"] = "false",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScimBurst_WhenTheReceiverHangs_ShouldCompleteWhileItsRequestsAreHeldOpen()
    {
        await using var app = new DispatchTestApp(dispatcherEnabled: true, Settings);
        await using var receiver = new MisbehavingReceiver(ReceiverBehaviour.Hang);
        var (scim, endpointId) = await ArrangeAsync(app, receiver.Url);
        var users = await CreateUsersAsync(scim, 4);
        await WaitUntilAsync(() => Task.FromResult(receiver.Held > 0), "the receiver holds a delivery open");
        var held = receiver.Held;

        var burst = await BurstAsync(scim, users);
        output.WriteLine($"hang: {burst} SCIM requests completed (2xx) while the receiver held {receiver.Held} request(s) open, unanswered");

        // Structural proof: the SCIM burst finished while the receiver still holds every request it was sent, unanswered
        // (the burst's own events may have been sent to it meanwhile: the dispatcher does not wait for held requests).
        Assert.True(receiver.Held >= held, $"held {receiver.Held} after the burst, {held} before");
        Assert.Equal(0, receiver.AnsweredSuccess);
        Assert.False(receiver.IsReleased);

        // The per-attempt timeout (10 s on the service's clock) ends the held attempts: failed, to be retried.
        app.Clock.Advance(TimeSpan.FromSeconds(11));
        var admin = app.Factory.CreateAdminClient();
        await WaitUntilAsync(
            async () => (await DeliveriesAsync(admin, endpointId)).Any(delivery => delivery.IsRetrying && delivery.LastError!.Contains("timed out", StringComparison.Ordinal)),
            "a held delivery recorded as timed out and pending a retry");

        receiver.Behaviour = ReceiverBehaviour.Ok;
        receiver.Release();
        await AssertEverythingDeliveredAsync(app, admin, scim.Domain, endpointId, () => receiver.WebhookIds);
    }

    [Fact]
    public async Task ScimBurst_WhenTheReceiverIsDown_ShouldCompleteAndDeliverOnceItIsBack()
    {
        await using var app = new DispatchTestApp(dispatcherEnabled: true, Settings);
        var refused = $"http://127.0.0.1:{WebhookReceiver.FreePort()}/hooks";
        var (scim, endpointId) = await ArrangeAsync(app, refused);
        var users = await CreateUsersAsync(scim, 4);

        var burst = await BurstAsync(scim, users);
        output.WriteLine($"down: {burst} SCIM requests completed (2xx) with the receiver's port refusing connections");

        var admin = app.Factory.CreateAdminClient();
        await WaitUntilAsync(
            async () => (await DeliveriesAsync(admin, endpointId)).Any(delivery => delivery.IsRetrying && delivery.LastError!.StartsWith("network error", StringComparison.Ordinal)),
            "a delivery recorded as a network error and pending a retry");
        Assert.All(await DeliveriesAsync(admin, endpointId), delivery => Assert.Contains(delivery.Status, new[] { "pending", "in_flight" }));

        using var receiver = WebhookReceiver.Start();
        var moved = await admin.PatchAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpointId}", new { url = receiver.Url }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await AssertEverythingDeliveredAsync(
            app, admin, scim.Domain, endpointId, () => receiver.Requests.Select(request => request.WebhookId!).ToList());
    }

    [Fact]
    public async Task ScimBurst_WhenTheReceiverAnswersGarbage_ShouldCompleteAndDeliverOnceItRecovers()
    {
        await using var app = new DispatchTestApp(dispatcherEnabled: true, Settings);
        await using var receiver = new MisbehavingReceiver(ReceiverBehaviour.Garbage);
        var (scim, endpointId) = await ArrangeAsync(app, receiver.Url);
        var users = await CreateUsersAsync(scim, 4);

        var burst = await BurstAsync(scim, users);
        output.WriteLine($"garbage: {burst} SCIM requests completed (2xx) while the receiver answered garbage");

        var admin = app.Factory.CreateAdminClient();
        await WaitUntilAsync(
            async () => (await DeliveriesAsync(admin, endpointId)).Any(delivery => delivery.IsRetrying && delivery.Attempts > 0),
            "a delivery recorded as failed and pending a retry");
        Assert.Equal(ReceiverBehaviour.Garbage, receiver.Behaviour);
        var failing = await DeliveriesAsync(admin, endpointId);
        output.WriteLine("recorded while garbage: " + string.Join("; ", failing
            .Where(delivery => delivery.LastError is not null)
            .GroupBy(delivery => delivery.LastError!.Split(':')[0])
            .Select(group => $"{group.Key} x{group.Count()}")));

        receiver.Behaviour = ReceiverBehaviour.Ok;
        await AssertEverythingDeliveredAsync(app, admin, scim.Domain, endpointId, () => receiver.WebhookIds);
    }

    /// <summary>
    /// The documentation promises that a failing endpoint never slows deliveries to healthy ones and that different
    /// resources go out in parallel: a held request must not stop later deliveries, to any endpoint, until its
    /// per-attempt timeout ends it (the dispatcher once waited for every delivery of a round before claiming more).
    /// </summary>
    [Fact]
    public async Task AHangingReceiver_ShouldNotHoldBackDeliveriesToAHealthyEndpoint()
    {
        await using var app = new DispatchTestApp(dispatcherEnabled: true, Settings);
        await using var hanging = new MisbehavingReceiver(ReceiverBehaviour.Hang);
        using var healthy = WebhookReceiver.Start();
        var admin = app.Factory.CreateAdminClient();
        var domain = await admin.CreateOrganizationAsync();
        await admin.CreateWebhookEndpointAsync(hanging.Url, organizations: [domain]);
        await admin.CreateWebhookEndpointAsync(healthy.Url, organizations: [domain]);
        var token = await admin.EnableDirectorySyncAsync(domain);
        var scim = new ScimClient(app.Factory.CreateScimClient(token), domain);
        await WaitUntilAsync(() => Task.FromResult(hanging.Held > 0), "the hanging receiver holds directory.enabled");

        await CreateUsersAsync(scim, 3);

        // directory.enabled and three user.created, while the hanging endpoint still holds its request.
        await WaitUntilAsync(() => Task.FromResult(healthy.Requests.Count >= 4), "the healthy endpoint receives every event");
        Assert.False(hanging.IsReleased);
        Assert.True(hanging.Held > 0);
    }

    private static async Task<(ScimClient Scim, string EndpointId)> ArrangeAsync(DispatchTestApp app, string url)
    {
        // The endpoint first, then directory sync: so directory.enabled is delivered too, and every stored event of the
        // organization has a delivery to account for.
        var admin = app.Factory.CreateAdminClient();
        var domain = await admin.CreateOrganizationAsync();
        var endpoint = await admin.CreateWebhookEndpointAsync(url, organizations: [domain]);
        var token = await admin.EnableDirectorySyncAsync(domain);
        return (new ScimClient(app.Factory.CreateScimClient(token), domain), endpoint.Id());
    }

    private static async Task<List<string>> CreateUsersAsync(ScimClient scim, int count)
    {
        var ids = new List<string>();
        for (var index = 0; index < count; index++)
        {
            ids.Add((await scim.CreateUserAsync())["id"]!.GetValue<string>());
        }

        return ids;
    }

    /// <summary>Concurrent creates, multi-operation PATCHes, reads and lists; every one must succeed.</summary>
    private static async Task<int> BurstAsync(ScimClient scim, List<string> users)
    {
        var requests = new List<Task<(string What, HttpResponseMessage Response)>>();
        for (var index = 0; index < BurstUsers; index++)
        {
            requests.Add(Send("create", scim.PostUserAsync(UserBodies.Minimal(displayName: "Burst"))));
        }

        foreach (var id in users)
        {
            requests.Add(Send($"patch {id}", scim.PatchUserAsync(id, PatchOp(
                Op("replace", "displayName", "Patched"),
                Op("replace", "title", "Engineer"),
                Op("replace", "active", false)))));
            requests.Add(Send($"get {id}", scim.GetUserAsync(id)));
        }

        for (var index = 0; index < 4; index++)
        {
            requests.Add(Send("list", scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?count=5")));
        }

        var results = await Task.WhenAll(requests);
        var failures = results.Where(result => !result.Response.IsSuccessStatusCode)
            .Select(result => $"{result.What}: {(int)result.Response.StatusCode}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(", ", failures));
        return results.Length;

        static async Task<(string, HttpResponseMessage)> Send(string what, Task<HttpResponseMessage> request) => (what, await request);
    }

    /// <summary>
    /// Moves the service's clock through the retry schedule (and any open circuit) until every stored event of the
    /// organization reached the receiver and every delivery is recorded as succeeded; then nothing was lost.
    /// </summary>
    private async Task AssertEverythingDeliveredAsync(
        DispatchTestApp app, HttpClient admin, string domain, string endpointId, Func<IReadOnlyList<string>> received)
    {
        var events = (await admin.GetAllEventsAsync(domain)).Select(item => item.GetProperty("id").GetString()!).ToList();
        Assert.True(events.Count > BurstUsers, $"only {events.Count} events were stored");
        var waited = Stopwatch.StartNew();
        List<Delivery> deliveries;
        while (true)
        {
            deliveries = await DeliveriesAsync(admin, endpointId);
            var missing = events.Except(received(), StringComparer.Ordinal).Count();
            if (missing == 0 && deliveries.All(delivery => delivery.Status == "succeeded"))
            {
                break;
            }

            Assert.True(
                waited.Elapsed < ConditionTimeout,
                $"{missing} of {events.Count} events not received; deliveries: " +
                string.Join(", ", deliveries.Where(delivery => delivery.Status != "succeeded").Take(10)));
            // Due retries are what the test waits for: a step past the longest early delay (5 s, +10% jitter) or an
            // open circuit (30 s) per turn, then a moment of real time for the dispatcher to send.
            app.Clock.Advance(TimeSpan.FromSeconds(31));
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }

        Assert.Equal(events.Order(StringComparer.Ordinal), deliveries.Select(delivery => delivery.EventId).Order(StringComparer.Ordinal));
        Assert.Contains(deliveries, delivery => delivery.Attempts > 1 || delivery.LastError is not null);
        var requests = received();
        output.WriteLine(
            $"events={events.Count} deliveries succeeded={deliveries.Count} retried={deliveries.Count(delivery => delivery.Attempts > 1)} " +
            $"receiver requests={requests.Count} duplicates={requests.Count - requests.Distinct(StringComparer.Ordinal).Count()} lost=0");
    }

    private static async Task<List<Delivery>> DeliveriesAsync(HttpClient admin, string endpointId)
    {
        var page = await admin.GetDeliveriesAsync(endpointId, "?limit=1000");
        Assert.False(page.GetProperty("hasMore").GetBoolean());
        return page.GetProperty("data").EnumerateArray().Select(Delivery.From).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < ConditionTimeout, $"timed out waiting for: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), Ct);
        }
    }

    private sealed record Delivery(string EventId, string Status, int Attempts, string? LastError)
    {
        public bool IsRetrying => Status == "pending" && LastError is not null;

        public static Delivery From(JsonElement item) => new(
            item.GetProperty("eventId").GetString()!,
            item.GetProperty("status").GetString()!,
            item.GetProperty("attempts").GetInt32(),
            item.TryGetProperty("lastError", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null);
    }
}
