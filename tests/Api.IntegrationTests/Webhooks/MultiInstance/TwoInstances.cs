using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Api.IntegrationTests.Webhooks.MultiInstance;

/// <summary>
/// Two instances of the service (two hosts, each with its own clock, dispatcher and connection pool) on one
/// PostgreSQL database, as behind a load balancer. Tests using it skip unless the run targets PostgreSQL.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(TestDatabase database)
    {
        Database = database;
        A = new ScimCleanApiFactory(database);
        B = new ScimCleanApiFactory(database);
        foreach (var factory in new[] { A, B })
        {
            factory.Settings["Webhooks:TransientRetryDelayMs"] = "0";
        }
    }

    public TestDatabase Database { get; }

    public ScimCleanApiFactory A { get; }

    public ScimCleanApiFactory B { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Skips the calling test off PostgreSQL, else creates the two (not yet started) hosts on a fresh database.</summary>
    public static TwoInstances Create()
    {
        TestDatabase.SkipUnlessPostgres("several instances share one database only on PostgreSQL.");
        return new TwoInstances(TestDatabase.Create());
    }

    public static void Configure(ScimCleanApiFactory factory, bool dispatcherEnabled, int pollIntervalMs = 50)
    {
        factory.Settings["Webhooks:DispatcherEnabled"] = dispatcherEnabled ? "true" : "false";
        factory.Settings["Webhooks:PollIntervalMs"] = pollIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits (polling, with a generous limit) until <paramref name="condition"/> holds; fails the test otherwise.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 60)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(timeoutSeconds), $"timed out waiting until {what}");
            await Task.Delay(25, Ct);
        }
    }

    public static Task<int> RunOnceAsync(IServiceProvider services) =>
        services.GetRequiredService<DeliveryProcessor>().RunOnceAsync(Ct);

    public async Task<T> QueryAsync<T>(Func<ScimCleanDbContext, Task<T>> query)
    {
        await using var dbContext = Database.CreateDbContext();
        return await query(dbContext);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}
