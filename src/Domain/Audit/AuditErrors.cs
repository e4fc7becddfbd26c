namespace ScimClean.Domain.Audit;

public static class AuditErrors
{
    public static Error UnknownAction(string action) =>
        Error.Validation("audit.unknown_action", $"'{action}' is not an audited action");

    public static readonly Error InvalidActor = Error.Validation(
        "audit.invalid_actor", $"the actor is required and has at most {AuditEntry.MaxActorLength} characters");

    public static readonly Error TargetTooLong = Error.Validation(
        "audit.target_too_long", $"the target has at most {AuditEntry.MaxTargetLength} characters");

    public static readonly Error InvalidCursor = Error.Validation(
        "audit.invalid_cursor", "after is not a cursor this API handed out; start without one, or use a nextCursor from a response");
}
