using FluentValidation;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

/// <summary>The shape rules of an endpoint's URL and subscriptions, shared by create and update.</summary>
internal static class WebhookEndpointRules
{
    public const int MaxUrlLength = 2048;
    public const int MaxListLength = 100;

    public static IRuleBuilderOptions<T, string?> MustBeWebhookUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .Must(url => url is not null && url.Length <= MaxUrlLength && TryParse(url, out _))
            .WithMessage(command => "url must be an absolute http or https URL without credentials, "
                + $"of at most {MaxUrlLength} characters, for example \"https://app.example/hooks/scim\"");

    public static void EventPatterns<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule
            .Must(events => events is null || events.Count <= MaxListLength)
            .WithMessage($"events has at most {MaxListLength} entries")
            .Must(events => events is null || events.All(pattern => pattern is not null && WebhookEventTypes.IsValidPattern(pattern)))
            .WithMessage((_, events) =>
                $"events contains an unknown event type or pattern ({string.Join(", ", Unknown(events))}); "
                + $"use \"*\", a family such as \"user.*\", or one of: {string.Join(", ", WebhookEventTypes.All)}");

    public static void OrganizationDomains<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule
            .Must(organizations => organizations is null || organizations.Count <= MaxListLength)
            .WithMessage($"organizations has at most {MaxListLength} entries")
            .Must(organizations => organizations is null || organizations.All(domain => OrganizationDomain.Normalize(domain).IsSuccess))
            .WithMessage((_, organizations) =>
                $"organizations contains an invalid domain ({string.Join(", ", InvalidDomains(organizations))}); "
                + "list organization domains such as \"contoso.com\"");

    /// <summary>An absolute http(s) URL with a host and no user info.</summary>
    public static bool TryParse(string url, out Uri uri)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(parsed.Host)
            && string.IsNullOrEmpty(parsed.UserInfo))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>A URL the validator has accepted; anything else is a bug.</summary>
    public static Uri Parse(string url) =>
        TryParse(url, out var uri) ? uri : throw new InvalidOperationException("the URL should have been validated");

    /// <summary>The domains normalized (lower case, punycode); only called after validation passed.</summary>
    public static IReadOnlyList<string>? NormalizeDomains(IReadOnlyList<string>? organizations) =>
        organizations?.Select(domain => OrganizationDomain.Normalize(domain).Value).ToList();

    private static IEnumerable<string> Unknown(IReadOnlyList<string>? events) =>
        (events ?? []).Where(pattern => pattern is null || !WebhookEventTypes.IsValidPattern(pattern)).Select(Quote);

    private static IEnumerable<string> InvalidDomains(IReadOnlyList<string>? organizations) =>
        (organizations ?? []).Where(domain => OrganizationDomain.Normalize(domain).IsFailure).Select(Quote);

    private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";
}
