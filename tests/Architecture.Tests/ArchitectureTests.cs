using NetArchTest.Rules;
using ScimClean.Architecture.Tests.Rules;

namespace ScimClean.Architecture.Tests;

public sealed class ArchitectureTests
{
    private static readonly Types RealTypes = Types.InAssemblies(
    [
        SolutionAssemblies.Domain,
        SolutionAssemblies.Application,
        SolutionAssemblies.Infrastructure,
        SolutionAssemblies.Api,
    ]);

    private static readonly Types FixtureTypes = Types.InAssembly(typeof(ArchitectureTests).Assembly);

    public static TheoryData<string> Rules => RuleCatalog.Names;

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_WhenRunOnTheSolution_ShouldPass(string rule)
    {
        var ruleCase = RuleCatalog.All[rule];

        var result = ruleCase.Rule(RealTypes, Layers.Real).GetResult();

        Assert.True(result.IsSuccessful, $"{rule} is broken by: {Describe(result.FailingTypes)}");
        if (ruleCase.SelectsRealTypes)
        {
            Assert.NotEmpty(result.SelectedTypesForTesting);
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_WhenRunOnBadFixtures_ShouldReportExactlyTheBadOnes(string rule)
    {
        var ruleCase = RuleCatalog.All[rule];

        var result = ruleCase.Rule(FixtureTypes, Layers.BadFixtures).GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Equal(
            ruleCase.BadFixtures.Select(type => type.FullName).Order(StringComparer.Ordinal),
            result.FailingTypes.Select(type => type.FullName).Order(StringComparer.Ordinal));
        // Clean fixtures were checked too and passed: the rule does not simply fail everything it sees.
        Assert.True(result.SelectedTypesForTesting.Count > ruleCase.BadFixtures.Count);
    }

    private static string Describe(IEnumerable<IType> types) =>
        string.Join("; ", types.Select(type => $"{type.FullName} ({type.Explanation})"));
}
