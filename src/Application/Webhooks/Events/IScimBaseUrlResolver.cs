namespace ScimClean.Application.Webhooks.Events;

/// <summary>The SCIM base URL of an organization, for meta.location in event payloads.</summary>
public interface IScimBaseUrlResolver
{
    string For(string domain);
}
