using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Application.Webhooks;
using ScimClean.Application.Webhooks.CreateWebhookEndpoint;
using ScimClean.Application.Webhooks.DeleteWebhookEndpoint;
using ScimClean.Application.Webhooks.RotateWebhookSecret;
using ScimClean.Application.Webhooks.Secrets;
using ScimClean.Application.Webhooks.UpdateWebhookEndpoint;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Common;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.UnitTests.Webhooks;

/// <summary>What the webhook endpoint use cases write to the audit trail: one entry on success, none on failure, no secret.</summary>
public sealed class WebhookEndpointAuditTests
{
    private readonly IWebhookEndpointRepository _endpoints = Substitute.For<IWebhookEndpointRepository>();
    private readonly IWebhookUrlPolicy _urlPolicy = Substitute.For<IWebhookUrlPolicy>();
    private readonly IWebhookSecretProtector _protector = Substitute.For<IWebhookSecretProtector>();
    private readonly IAuditTrail _audit = Substitute.For<IAuditTrail>();

    public WebhookEndpointAuditTests()
    {
        _urlPolicy.CheckAsync(Arg.Any<Uri>(), Arg.Any<CancellationToken>()).Returns(Result.Success());
        _protector.Protect(Arg.Any<string>()).Returns(call => "protected:" + call.Arg<string>());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ShouldRecordTheEndpointIdAndOnlyTheHostOfItsUrl()
    {
        var handler = new CreateWebhookEndpointCommandHandler(_endpoints, _urlPolicy, _protector, _audit, TestData.Clock());

        var result = await handler.Handle(
            new CreateWebhookEndpointCommand("https://app.example/hooks?token=receiver-credential", null, null), Ct);

        _audit.Received(1).Record(AuditActions.WebhookEndpointCreated, null, result.Value.Id.ToString(), "host: app.example");
        AssertNoArgumentContains(result.Value.Secret);
        AssertNoArgumentContains("receiver-credential");
    }

    [Fact]
    public async Task Create_WhenTheUrlIsNotAllowed_ShouldRecordNothing()
    {
        _urlPolicy.CheckAsync(Arg.Any<Uri>(), Arg.Any<CancellationToken>())
            .Returns(Result.Failure(Error.Validation("webhook_endpoint.url_not_allowed", "private")));
        var handler = new CreateWebhookEndpointCommandHandler(_endpoints, _urlPolicy, _protector, _audit, TestData.Clock());

        await handler.Handle(new CreateWebhookEndpointCommand("https://10.0.0.1/hooks", null, null), Ct);

        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);
    }

    [Fact]
    public async Task Update_ShouldNameWhatChanged()
    {
        var endpoint = Given();
        var handler = new UpdateWebhookEndpointCommandHandler(_endpoints, _urlPolicy, _audit, TestData.Clock());

        await handler.Handle(new UpdateWebhookEndpointCommand(endpoint.Id, "https://other.example/x?key=k", ["user.*"], null, false), Ct);

        _audit.Received(1).Record(
            AuditActions.WebhookEndpointUpdated, null, endpoint.Id.ToString(), "changed: url (host other.example), events, disabled");
    }

    [Fact]
    public async Task RotateSecret_ShouldRecordTheGracePeriodAndNotTheSecret()
    {
        var endpoint = Given();
        var handler = new RotateWebhookSecretCommandHandler(_endpoints, _protector, _audit, TestData.Clock());

        var result = await handler.Handle(new RotateWebhookSecretCommand(endpoint.Id, 60), Ct);

        _audit.Received(1).Record(AuditActions.WebhookSecretRotated, null, endpoint.Id.ToString(), "previous secret valid for 60 s");
        AssertNoArgumentContains(result.Value.Secret);
        AssertNoArgumentContains(result.Value.Secret[WebhookSecretFormat.Prefix.Length..]);
    }

    [Fact]
    public async Task Delete_WhenTheEndpointIsUnknown_ShouldRecordNothing()
    {
        var handler = new DeleteWebhookEndpointCommandHandler(_endpoints, _audit);

        var result = await handler.Handle(new DeleteWebhookEndpointCommand(Guid.NewGuid()), Ct);

        Assert.True(result.IsFailure);
        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);
    }

    [Fact]
    public async Task Delete_ShouldRecordTheEndpointId()
    {
        var endpoint = Given();
        var handler = new DeleteWebhookEndpointCommandHandler(_endpoints, _audit);

        await handler.Handle(new DeleteWebhookEndpointCommand(endpoint.Id), Ct);

        _audit.Received(1).Record(AuditActions.WebhookEndpointDeleted, null, endpoint.Id.ToString(), null);
    }

    private WebhookEndpoint Given()
    {
        var endpoint = WebhookEndpoint.Create("https://app.example/hooks", null, null, "protected", TestData.Start);
        _endpoints.FindAsync(endpoint.Id, Arg.Any<CancellationToken>()).Returns(endpoint);
        return endpoint;
    }

    private void AssertNoArgumentContains(string secret) =>
        Assert.DoesNotContain(
            _audit.ReceivedCalls().SelectMany(call => call.GetArguments()),
            argument => argument is string text && text.Contains(secret, StringComparison.Ordinal));
}
