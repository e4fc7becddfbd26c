namespace ScimClean.Domain.Groups;

public enum MemberType
{
    User,
    Group,
}
