using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Infrastructure.Webhooks;

/// <summary>
/// On PostgreSQL, listens on a dedicated connection for the wake-ups other instances (and this one) send when they
/// commit webhook work, and wakes this instance's dispatcher. If the connection fails it reconnects with a growing
/// pause; meanwhile the dispatcher's backstop poll still finds everything, only later.
/// </summary>
internal sealed class PostgresDispatchListener(
    IServiceScopeFactory scopes,
    WebhookDispatchSignal signal,
    IOptions<WebhookDispatchOptions> options,
    ILogger<PostgresDispatchListener> logger) : BackgroundService
{
    private const string ListenCommand = "LISTEN " + PostgresDispatchWakeUp.Channel;

    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled || ListenerConnectionString() is not { } connectionString)
        {
            // No dispatcher here to wake, or SQLite (one process: the in-process signal is enough).
            return;
        }

        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, () => pause = FirstPause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                // The message only: the connection string (with its password) is never part of it.
                logger.LogWarning(
                    "Webhook wake-up listener lost its database connection ({ErrorType}: {Error}); reconnecting in {PauseSeconds} s",
                    exception.GetType().Name,
                    exception.Message,
                    pause.TotalSeconds);
            }

            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private async Task ListenAsync(string connectionString, Action connected, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, _) => signal.Notify();
        await using (var listen = new NpgsqlCommand(ListenCommand, connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        connected();
        logger.LogInformation("Webhook wake-up listener is listening");
        // Work committed while nobody listened (start-up, a reconnect) is looked for now, not at the next poll.
        signal.Notify();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    /// <summary>The service's connection string made fit for a connection held open for hours; null off PostgreSQL.</summary>
    private string? ListenerConnectionString()
    {
        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>().Database;
        if (!database.IsNpgsql())
        {
            return null;
        }

        return new NpgsqlConnectionStringBuilder(database.GetConnectionString())
        {
            // Outside the pool: it would otherwise hold one of the pool's connections for ever.
            Pooling = false,
            // A half-open TCP connection (a failover, a dropped NAT entry) would leave WaitAsync waiting for ever;
            // keepalives make it fail, and the loop reconnects.
            KeepAlive = 30,
        }.ConnectionString;
    }
}
