namespace ScimClean.Application.Audit;

/// <summary>Who is acting in the current request, as the audit log names them: an identity, never a credential.</summary>
public interface IAuditActor
{
    string Name { get; }
}
