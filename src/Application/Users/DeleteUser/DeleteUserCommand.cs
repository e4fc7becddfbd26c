namespace ScimClean.Application.Users.DeleteUser;

public sealed record DeleteUserCommand(Guid OrganizationId, string UserId, string? IfMatch) : ICommand<Result>;
