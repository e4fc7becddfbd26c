using System.Reflection;
using ScimClean.Architecture.Tests.Rules;

namespace ScimClean.Architecture.Tests;

public sealed class AssemblyReferenceTests
{
    public static TheoryData<string> Layers => ["Domain", "Application", "Infrastructure"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Assembly_ShouldNotReferenceForbiddenAssemblies(string layer)
    {
        var (assembly, forbidden) = Rule(layer);

        Assert.Empty(AssemblyRules.ForbiddenReferences(assembly, forbidden));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Rule_WhenRunOnAnAssemblyReferencingEverything_ShouldReportEachForbiddenName(string layer)
    {
        var (_, forbidden) = Rule(layer);
        // This test assembly references the projects and every forbidden package (through BadFixtures).
        var everything = typeof(AssemblyReferenceTests).Assembly;

        var reported = AssemblyRules.ForbiddenReferences(everything, forbidden);

        Assert.All(forbidden, prefix =>
            Assert.Contains(reported, name => AssemblyRules.Matches(name, prefix)));
    }

    private static (Assembly Assembly, string[] Forbidden) Rule(string layer) => layer switch
    {
        "Domain" => (SolutionAssemblies.Domain, ForbiddenDependencies.ForDomain(Rules.Layers.Real)),
        "Application" => (SolutionAssemblies.Application, ForbiddenDependencies.ForApplication(Rules.Layers.Real)),
        "Infrastructure" => (SolutionAssemblies.Infrastructure, ForbiddenDependencies.ForInfrastructure(Rules.Layers.Real)),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "unknown layer"),
    };
}
