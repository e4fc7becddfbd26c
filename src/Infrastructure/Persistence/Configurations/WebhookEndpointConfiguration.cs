using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.HasKey(endpoint => endpoint.Id);
        builder.Property(endpoint => endpoint.Id).ValueGeneratedNever();
        builder.Property(endpoint => endpoint.Url).HasMaxLength(2048).IsRequired();
        builder.Property(endpoint => endpoint.SecretCiphertext).IsRequired();
        builder.Property(endpoint => endpoint.DisabledReason).HasMaxLength(500);
        MapStringList(builder, "_eventTypes", "EventTypes");
        MapStringList(builder, "_organizations", "Organizations");
        builder.Ignore(endpoint => endpoint.EventTypes);
        builder.Ignore(endpoint => endpoint.Organizations);
    }

    // Small lists stored as a JSON array: read with the endpoint, never queried on their own.
    private static void MapStringList(EntityTypeBuilder<WebhookEndpoint> builder, string field, string column) =>
        builder.Property<List<string>>(field)
            .HasColumnName(column)
            .HasConversion(
                list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (left, right) => left!.SequenceEqual(right!),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
                    list => list.ToList()))
            .IsRequired();
}
