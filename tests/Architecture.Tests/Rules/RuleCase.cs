using NetArchTest.Rules;

namespace ScimClean.Architecture.Tests.Rules;

/// <summary>
/// One rule with what the tests expect of it: whether it must select types in the real assemblies today,
/// and which bad fixtures it must report.
/// </summary>
internal sealed record RuleCase(
    string Name,
    Func<Types, Layers, ConditionList> Rule,
    bool SelectsRealTypes,
    IReadOnlyList<Type> BadFixtures);
