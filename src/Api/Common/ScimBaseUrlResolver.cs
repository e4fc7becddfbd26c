using ScimClean.Application.Webhooks.Events;

namespace ScimClean.Api.Common;

/// <summary>Base URLs for event payloads: Scim:PublicBaseUrl, else the current request's scheme and host.</summary>
internal sealed class ScimBaseUrlResolver(IHttpContextAccessor httpContextAccessor, IConfiguration configuration)
    : IScimBaseUrlResolver
{
    public string For(string domain)
    {
        var request = httpContextAccessor.HttpContext?.Request;
        var publicBase = request is not null
            ? PublicBaseUrl.For(request, configuration)
            : configuration["Scim:PublicBaseUrl"]?.TrimEnd('/') ?? string.Empty;
        return Application.DirectorySync.ScimBaseUrl.For(publicBase, domain);
    }
}
