namespace ScimClean.Domain.Webhooks;

/// <summary>What a replay needs of a stored event: its keys and what endpoints subscribe to, not its payload.</summary>
public sealed record ReplayableEvent(string Id, long Position, string Type, string Organization, Guid? ResourceId);
