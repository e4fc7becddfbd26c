namespace ScimClean.Application.Webhooks.Secrets;

/// <summary>Encrypts webhook signing secrets at rest; only the dispatcher decrypts them, to sign.</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string ciphertext);
}
