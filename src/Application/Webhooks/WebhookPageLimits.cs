namespace ScimClean.Application.Webhooks;

public static class WebhookPageLimits
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
