namespace ScimClean.Application.Audit;

public static class AuditLogLimits
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
