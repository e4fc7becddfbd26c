using System.Security.Cryptography;
using System.Text;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Standard Webhooks signing: <c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed with the
/// bytes of the secret (<see cref="Application.Webhooks.Secrets.WebhookSecretFormat.DecodeKey"/>); one signature per secret, separated by spaces.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(IEnumerable<byte[]> keys, string webhookId, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content, prefix.Length);
        return string.Join(' ', keys.Select(key => "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content))));
    }
}
