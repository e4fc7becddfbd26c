using Microsoft.EntityFrameworkCore;

namespace ScimClean.Architecture.Tests.BadFixtures.Application;

public sealed class ApplicationUsingEntityFrameworkCore
{
    public DbContext? Dependency { get; init; }
}
