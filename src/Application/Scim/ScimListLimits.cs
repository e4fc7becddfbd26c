namespace ScimClean.Application.Scim;

/// <summary>Paging limits, advertised in ServiceProviderConfig (filter.maxResults).</summary>
public static class ScimListLimits
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;
}
