using System.Globalization;
using StandardWebhooks;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

/// <summary>Checks signatures with an independent implementation: the StandardWebhooks package.</summary>
public static class SignatureAssert
{
    /// <summary>Asserts the header holds exactly one v1 signature per secret, in order.</summary>
    public static void SignedWith(ReceivedWebhook received, params string[] secrets)
    {
        Assert.NotNull(received.WebhookId);
        Assert.NotNull(received.WebhookTimestamp);
        Assert.NotNull(received.WebhookSignature);
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.WebhookTimestamp, CultureInfo.InvariantCulture));
        var expected = secrets
            .Select(secret => new StandardWebhook(secret).Sign(received.WebhookId, timestamp, received.Body))
            .ToArray();
        Assert.Equal(expected, received.WebhookSignature.Split(' '));
    }
}
