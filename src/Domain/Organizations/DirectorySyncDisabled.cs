namespace ScimClean.Domain.Organizations;

public sealed record DirectorySyncDisabled(Guid OrganizationId, string Domain, DateTimeOffset OccurredAt) : IDomainEvent;
