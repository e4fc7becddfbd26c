using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>A member as a group read shows it.</summary>
public sealed record GroupMemberView(Guid Id, MemberType Type, string? Display);
