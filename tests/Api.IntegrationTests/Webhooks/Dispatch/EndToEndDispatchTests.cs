using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

public sealed class EndToEndDispatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AScimUserCreate_ShouldReachTheReceiver_ThroughTheBackgroundDispatcher_WithTheExactStoredPayload()
    {
        await using var app = new DispatchTestApp(dispatcherEnabled: true);
        using var receiver = WebhookReceiver.Start();
        var (domain, token) = await app.Factory.CreateAdminClient().CreateDirectoryAsync();
        var secret = DispatchTestApp.NewSecret();
        await app.AddEndpointAsync(receiver.Url, secret, [domain]);
        var scim = new ScimClient(app.Factory.CreateScimClient(token), domain);

        var created = await scim.CreateUserAsync();

        // The commit's signal wakes the dispatcher; no clock is moved.
        var waited = Stopwatch.StartNew();
        while (receiver.Requests.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, Ct);
        }

        var received = Assert.Single(receiver.Requests);
        var stored = await app.QueryAsync(db => db.WebhookEvents.AsNoTracking()
            .SingleAsync(item => item.Organization == domain && item.Type == WebhookEventTypes.UserCreated, Ct));
        Assert.Equal(stored.Payload, received.Body);
        Assert.Equal(stored.Id, received.WebhookId);
        Assert.Equal(created["id"]!.GetValue<string>(), stored.ResourceId.ToString());
        SignatureAssert.SignedWith(received, secret);
    }
}
