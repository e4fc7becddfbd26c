namespace ScimClean.Domain.Audit;

/// <summary>
/// One admin action, recorded in the same transaction as the change it describes and never changed afterwards.
/// It names who acted and on what, never a secret: the actor is an identity ("admin"), not a key, and the detail is
/// a short, non-secret summary chosen by the use case.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActorLength = 100;
    public const int MaxTargetLength = 100;
    public const int MaxDetailLength = 500;

    private AuditEntry()
    {
        Action = string.Empty;
        Actor = string.Empty;
    }

    /// <summary>Database-assigned, strictly increasing: orders the log and is the paging cursor.</summary>
    public long Position { get; private set; }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The organization's domain, or null for a service-wide resource (a webhook endpoint, a delivery).</summary>
    public string? Organization { get; private set; }

    public string Action { get; private set; }

    public string Actor { get; private set; }

    /// <summary>The id of the resource acted on (an organization's domain, an endpoint or delivery id).</summary>
    public string? Target { get; private set; }

    public string? Detail { get; private set; }

    public static Result<AuditEntry> Record(
        string action,
        string actor,
        string? organization,
        string? target,
        string? detail,
        DateTimeOffset now)
    {
        if (!AuditActions.IsKnown(action))
        {
            return AuditErrors.UnknownAction(action);
        }

        if (string.IsNullOrWhiteSpace(actor) || actor.Length > MaxActorLength)
        {
            return AuditErrors.InvalidActor;
        }

        if (target is { Length: > MaxTargetLength })
        {
            return AuditErrors.TargetTooLong;
        }

        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            Organization = organization,
            Action = action,
            Actor = actor,
            Target = target,
            // A detail is a summary: cut rather than refuse, so an unusually long one never blocks the action itself.
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
        };
    }
}
