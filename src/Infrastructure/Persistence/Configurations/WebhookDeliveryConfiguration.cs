using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(delivery => delivery.Id);
        builder.Property(delivery => delivery.Id).ValueGeneratedNever();
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(delivery => delivery.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(delivery => delivery.Event).WithMany().HasForeignKey(delivery => delivery.EventPosition).OnDelete(DeleteBehavior.Cascade);
        builder.Property(delivery => delivery.EventId).HasMaxLength(40).IsRequired();
        builder.Property(delivery => delivery.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(delivery => delivery.LastError).HasMaxLength(500);
        // An outcome (or any other change through EF) applies only while the row still carries the token it was
        // read with: a claim by another dispatcher changes the token, and the stale write then matches no row.
        builder.Property(delivery => delivery.LeaseToken).IsConcurrencyToken();
        // The dispatcher's claim: due deliveries, and per endpoint and resource the oldest unfinished one.
        builder.HasIndex(delivery => new { delivery.Status, delivery.NextAttemptAt });
        builder.HasIndex(delivery => new { delivery.EndpointId, delivery.OrderingKey, delivery.EventPosition });
        builder.HasIndex(delivery => new { delivery.EndpointId, delivery.CreatedAt });
        // The dispatcher loads what one claim took by its token; only deliveries in flight carry one.
        builder.HasIndex(delivery => delivery.LeaseToken).HasFilter("\"LeaseToken\" IS NOT NULL");
    }
}
