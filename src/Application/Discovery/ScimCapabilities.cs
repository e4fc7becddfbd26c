using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Discovery;

/// <summary>What this server really supports; the discovery documents are generated from it.</summary>
internal static class ScimCapabilities
{
    public static readonly ServiceProviderCapabilities Current = new()
    {
        PatchSupported = true,
        BulkSupported = false,
        FilterSupported = true,
        MaxResults = ScimListLimits.MaxCount,
        // A password sent with PUT or PATCH is accepted and stored as a salted hash.
        ChangePasswordSupported = true,
        SortSupported = true,
        EtagSupported = true,
    };
}
