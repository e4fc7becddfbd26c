using Microsoft.AspNetCore.Http;

namespace ScimClean.Architecture.Tests.BadFixtures.Application;

public sealed class ApplicationUsingAspNetCore
{
    public HttpContext? Dependency { get; init; }
}
