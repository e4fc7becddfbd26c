using Microsoft.EntityFrameworkCore;

namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingEntityFrameworkCore
{
    public DbContext? Dependency { get; init; }
}
