using Microsoft.AspNetCore.DataProtection;
using ScimClean.Application.Webhooks.Secrets;

namespace ScimClean.Infrastructure.Webhooks.Secrets;

/// <summary>ASP.NET Core Data Protection with its keys kept in the service's own database (shared by every instance).</summary>
internal sealed class DataProtectionWebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("ScimClean.Webhooks.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}
