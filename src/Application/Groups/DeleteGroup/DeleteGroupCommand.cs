namespace ScimClean.Application.Groups.DeleteGroup;

public sealed record DeleteGroupCommand(Guid OrganizationId, string GroupId, string? IfMatch) : ICommand<Result>;
