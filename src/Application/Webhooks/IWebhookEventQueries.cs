namespace ScimClean.Application.Webhooks;

/// <summary>Reads stored events for the events API, in position order.</summary>
public interface IWebhookEventQueries
{
    /// <summary>
    /// Up to <paramref name="take"/> events with a position greater than <paramref name="afterPosition"/>, ascending;
    /// only those of <paramref name="organization"/> (a normalized domain) and matching <paramref name="typePattern"/>
    /// ("user.*", an exact type) when given.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ListAsync(
        long afterPosition,
        string? organization,
        string? typePattern,
        int take,
        CancellationToken cancellationToken);
}
