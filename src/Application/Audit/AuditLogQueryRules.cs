using FluentValidation;
using ScimClean.Domain.Audit;
using ScimClean.Application.Common.Paging;

namespace ScimClean.Application.Audit;

/// <summary>The validation rules both audit-log queries share.</summary>
internal static class AuditLogQueryRules
{
    public static IRuleBuilderOptions<T, string?> ValidAuditCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(after => after is null || PositionCursor.TryDecode(after, out _))
            .WithMessage("after is not a cursor this API handed out; start without one, or use a nextCursor from a response");

    public static IRuleBuilderOptions<T, int?> ValidAuditLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, AuditLogLimits.MaxLimit)
            .WithMessage($"limit must be between 1 and {AuditLogLimits.MaxLimit}");

    public static IRuleBuilderOptions<T, string?> ValidAuditActionPattern<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(action => action is null || AuditActions.IsValidPattern(action))
            .WithMessage($"action must be \"*\", a family such as \"webhook.*\", or one of: {string.Join(", ", AuditActions.All)}");
}
