using ScimClean.Domain.Users;

namespace ScimClean.Application.Users;

internal static class UserLookup
{
    /// <summary>Finds a user by the id in a URL; an id that is not a GUID names no user (404, not 400).</summary>
    public static async Task<Result<User>> FindAsync(
        this IUserRepository users,
        Guid organizationId,
        string id,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return UserErrors.NotFound(id);
        }

        var user = await users.FindAsync(organizationId, userId, cancellationToken);
        return user is null ? UserErrors.NotFound(id) : user;
    }
}
