namespace ScimClean.Architecture.Tests.Rules;

/// <summary>
/// The namespaces of the four layers under one root. The rules take this as a parameter, so the very
/// same rule runs over the real assemblies (<see cref="Real"/>) and over the deliberately bad fixtures
/// in this test assembly (<see cref="BadFixtures"/>), which proves each rule can fail.
/// </summary>
internal sealed record Layers(string Root)
{
    public static readonly Layers Real = new("ScimClean");

    public static readonly Layers BadFixtures = new("ScimClean.Architecture.Tests.BadFixtures");

    public string Domain => $"{Root}.Domain";

    public string Application => $"{Root}.Application";

    public string Infrastructure => $"{Root}.Infrastructure";

    public string Api => $"{Root}.Api";
}
