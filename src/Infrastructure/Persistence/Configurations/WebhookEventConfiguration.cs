using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.ToTable("WebhookEvents");
        builder.HasKey(webhookEvent => webhookEvent.Position);
        builder.Property(webhookEvent => webhookEvent.Position).ValueGeneratedOnAdd();
        builder.Property(webhookEvent => webhookEvent.Id).HasMaxLength(40).IsRequired();
        builder.HasIndex(webhookEvent => webhookEvent.Id).IsUnique();
        builder.Property(webhookEvent => webhookEvent.Type).HasMaxLength(40).IsRequired();
        builder.Property(webhookEvent => webhookEvent.Organization).HasMaxLength(253).IsRequired();
        builder.Property(webhookEvent => webhookEvent.Payload).IsRequired();
        // The events API reads by organization after a cursor; sequences are counted per resource; retention by time.
        builder.HasIndex(webhookEvent => new { webhookEvent.OrganizationId, webhookEvent.Position });
        builder.HasIndex(webhookEvent => new { webhookEvent.ResourceId, webhookEvent.Sequence });
        builder.HasIndex(webhookEvent => webhookEvent.OccurredAt);
    }
}
