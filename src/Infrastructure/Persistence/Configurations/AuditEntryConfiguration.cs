using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Audit;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(entry => entry.Position);
        builder.Property(entry => entry.Position).ValueGeneratedOnAdd();
        builder.HasIndex(entry => entry.Id).IsUnique();
        // The domain as text, not a foreign key: an organization's entries stay after it is deleted.
        builder.Property(entry => entry.Organization).HasMaxLength(253);
        builder.Property(entry => entry.Action).HasMaxLength(60).IsRequired();
        builder.Property(entry => entry.Actor).HasMaxLength(AuditEntry.MaxActorLength).IsRequired();
        builder.Property(entry => entry.Target).HasMaxLength(AuditEntry.MaxTargetLength);
        builder.Property(entry => entry.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        // Read newest first, over everything or one organization.
        builder.HasIndex(entry => new { entry.Organization, entry.Position });
    }
}
