using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>A service of its own with small <c>Scim:Limits</c>, so that each limit is cheap to reach.</summary>
public sealed class LimitsFixture : IAsyncLifetime
{
    public const int MaxRequestBodyBytes = 32 * 1024;
    public const int MaxAttributeValueLength = 1024;
    public const int MaxMultiValuedAttributeValues = 10;
    public const int MaxJsonDepth = 16;
    public const int MaxFilterLength = 200;
    public const int MaxFilterDepth = 4;
    public const int MaxPatchOperations = 5;
    public const int MaxValuesPerPatchOperation = 3;
    public const int MaxPageSize = 5;

    public LimitsFixture()
    {
        Factory.Settings["Scim:Limits:MaxRequestBodyBytes"] = Text(MaxRequestBodyBytes);
        Factory.Settings["Scim:Limits:MaxAttributeValueLength"] = Text(MaxAttributeValueLength);
        Factory.Settings["Scim:Limits:MaxMultiValuedAttributeValues"] = Text(MaxMultiValuedAttributeValues);
        Factory.Settings["Scim:Limits:MaxJsonDepth"] = Text(MaxJsonDepth);
        Factory.Settings["Scim:Limits:MaxFilterLength"] = Text(MaxFilterLength);
        Factory.Settings["Scim:Limits:MaxFilterDepth"] = Text(MaxFilterDepth);
        Factory.Settings["Scim:Limits:MaxPatchOperations"] = Text(MaxPatchOperations);
        Factory.Settings["Scim:Limits:MaxValuesPerPatchOperation"] = Text(MaxValuesPerPatchOperation);
        Factory.Settings["Scim:Limits:MaxPageSize"] = Text(MaxPageSize);
    }

    public ScimCleanApiFactory Factory { get; } = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
