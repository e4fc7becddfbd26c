namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>Spreads retries: a factor applied to each scheduled delay.</summary>
public interface IDeliveryJitter
{
    /// <summary>A factor in [0.9, 1.1].</summary>
    double NextFactor();
}
