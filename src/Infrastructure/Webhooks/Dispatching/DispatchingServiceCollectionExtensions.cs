using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

internal static class DispatchingServiceCollectionExtensions
{
    public static IServiceCollection AddWebhookDispatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookDispatchOptions>().Bind(configuration.GetSection(WebhookDispatchOptions.SectionName));
        services.TryAddSingleton<IDeliveryJitter, RandomDeliveryJitter>();
        services.TryAddSingleton<IOutboundAddressPolicy, PublicNetworkAddressPolicy>();
        services.AddSingleton<DeliverySchedule>();
        services.AddSingleton<EndpointResiliencePipelines>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddScoped<IDeliveryClaimer>(provider =>
        {
            var dbContext = provider.GetRequiredService<ScimCleanDbContext>();
            return DatabaseKind.IsNpgsql(dbContext)
                ? new PostgresDeliveryClaimer(dbContext)
                : new SqliteDeliveryClaimer(dbContext);
        });
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<PostgresDispatchListener>();
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider.GetRequiredService<IOutboundAddressPolicy>()));
        return services;
    }

    private static SocketsHttpHandler CreateHandler(IOutboundAddressPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, cancellationToken) =>
        {
            if (WarmUpConnection.IsFor(context.InitialRequestMessage))
            {
                // The start-up warm-up's own request (WebhookSender.WarmUpAsync): answered in memory, never sent.
                return new WarmUpConnection();
            }

            // The resolved addresses are checked here, at connect time, so DNS rebinding cannot bypass the policy.
            var host = context.DnsEndPoint.Host;
            var addresses = System.Net.IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await System.Net.Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.Where(policy.IsAllowed).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "the endpoint address is not allowed");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
