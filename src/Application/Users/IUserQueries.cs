using ScimClean.Application.Scim.Querying;

namespace ScimClean.Application.Users;

/// <summary>Read side of users: filters, sorting and paging run in the database, never in memory.</summary>
public interface IUserQueries
{
    /// <summary>
    /// The user's stored document with its groups, for answering (never for changing); null when absent or of another
    /// organization.
    /// </summary>
    Task<StoredUserDocument?> FindDocumentAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the organization's users matching the query, with the total count.
    /// Throws <see cref="Scim.Querying.UnsupportedFilterException"/> when the filter names an attribute or
    /// comparison the store cannot evaluate (mapped to 400 invalidFilter).
    /// </summary>
    Task<ResourcePage<Domain.Users.User>> ListAsync(Guid organizationId, ResourceQuery query, CancellationToken cancellationToken);
}
