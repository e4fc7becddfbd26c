using Microsoft.AspNetCore.Http;

namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingAspNetCore
{
    public HttpContext? Dependency { get; init; }
}
