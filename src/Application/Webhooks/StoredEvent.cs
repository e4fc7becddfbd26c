namespace ScimClean.Application.Webhooks;

/// <summary>An event's position and its payload, the JSON exactly as stored and sent.</summary>
public sealed record StoredEvent(long Position, string Payload);
