namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>±10% jitter; seedable for tests.</summary>
public sealed class RandomDeliveryJitter : IDeliveryJitter
{
    private readonly Random _random;
    private readonly Lock _lock = new();

    public RandomDeliveryJitter()
        : this(Random.Shared)
    {
    }

    public RandomDeliveryJitter(int seed)
        : this(new Random(seed))
    {
    }

    private RandomDeliveryJitter(Random random) => _random = random;

    public double NextFactor()
    {
        lock (_lock)
        {
#pragma warning disable CA5394 // jitter is not security-sensitive
            return 0.9 + (_random.NextDouble() * 0.2);
#pragma warning restore CA5394
        }
    }
}
