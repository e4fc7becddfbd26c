using System.Globalization;

namespace ScimClean.Domain.Organizations;

/// <summary>
/// The DNS domain that names an organization. Stored lower-case (ASCII, IDNs in punycode), so that
/// "Contoso.com" and "contoso.com" are the same organization.
/// </summary>
public static class OrganizationDomain
{
    private const int MaxLength = 253;
    private const int MaxLabelLength = 63;
    private static readonly IdnMapping Idn = new();

    public static Result<string> Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return OrganizationErrors.InvalidDomain("the domain is required");
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(value.Trim().TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return OrganizationErrors.InvalidDomain($"'{value}' is not a valid domain name");
        }

        if (ascii.Length > MaxLength)
        {
            return OrganizationErrors.InvalidDomain($"a domain has at most {MaxLength} characters");
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            return OrganizationErrors.InvalidDomain($"'{value}' is not a domain name such as contoso.com");
        }

        foreach (var label in labels)
        {
            if (!IsValidLabel(label))
            {
                return OrganizationErrors.InvalidDomain(
                    $"'{value}' is not a valid domain name: each label has 1 to {MaxLabelLength} letters, digits or hyphens and does not start or end with a hyphen");
            }
        }

        return ascii;
    }

    private static bool IsValidLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label[0] != '-'
        && label[^1] != '-'
        && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
