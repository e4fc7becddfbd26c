namespace ScimClean.Domain.Organizations;

public sealed record DirectorySyncEnabled(Guid OrganizationId, string Domain, DateTimeOffset OccurredAt) : IDomainEvent;
