using ScimClean.Application.Common.Behaviours;

namespace ScimClean.Application.Users.DeleteUser;

/// <summary>Retried on a concurrent change: a delete racing a PATCH re-reads the user and still deletes it (or finds it gone).</summary>
public sealed record DeleteUserCommand(Guid OrganizationId, string UserId, string? IfMatch) : ICommand<Result>, IRetryOnConcurrencyConflict;
