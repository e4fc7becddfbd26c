using System.Net;
using System.Text.RegularExpressions;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Admin;

/// <summary>Console output is process-wide, so these tests run alone.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

[Collection(nameof(ConsoleCapture))]
public sealed partial class GeneratedAdminApiKeyTests
{
    [Fact]
    public async Task Start_WithoutConfiguredKey_ShouldPrintAGeneratedKeyOnceAndAcceptIt()
    {
        await using var database = TestDatabase.Create();
        var original = Console.Out;
        try
        {
            var firstOutput = await StartAndCaptureAsync(database, async (factory, output) =>
            {
                var key = GeneratedKey().Match(output.ToString()).Groups["key"].Value;
                Assert.NotEmpty(key);
                var client = factory.CreateClient();
                client.DefaultRequestHeaders.Authorization = new("Bearer", key);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/v1/organizations", TestContext.Current.CancellationToken)).StatusCode);
            });
            var secondOutput = await StartAndCaptureAsync(database, (_, _) => Task.CompletedTask);

            Assert.Matches(GeneratedKey(), firstOutput);
            Assert.DoesNotMatch(GeneratedKey(), secondOutput);
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private static async Task<string> StartAndCaptureAsync(TestDatabase database, Func<ScimCleanApiFactory, StringWriter, Task> whileRunning)
    {
        using var output = new StringWriter();
        Console.SetOut(output);
        await using var factory = new ScimCleanApiFactory(database);
        factory.Settings.Remove("Admin:ApiKey");
        factory.CreateClient();
        await whileRunning(factory, output);
        return output.ToString();
    }

    [GeneratedRegex(@"never again:\s+(?<key>sca_[A-Za-z0-9_-]{43})")]
    private static partial Regex GeneratedKey();
}
