using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Groups;
using ScimClean.Domain.Organizations;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("Groups");
        builder.HasKey(group => group.Id);
        builder.Property(group => group.Id).ValueGeneratedNever();
        builder.HasOne<Organization>().WithMany().HasForeignKey(group => group.OrganizationId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(group => group.DisplayName).HasMaxLength(GroupAttributes.MaxDisplayNameLength).IsRequired();
        builder.Property(group => group.NormalizedDisplayName).HasMaxLength(GroupAttributes.MaxDisplayNameLength).IsRequired();
        // Entra matches groups on displayName: unique per organization, case-insensitively.
        builder.HasIndex(group => new { group.OrganizationId, group.NormalizedDisplayName }).IsUnique();
        builder.HasIndex(group => new { group.OrganizationId, group.ExternalId });
        builder.HasIndex(group => new { group.OrganizationId, group.Id });

        builder.Property(group => group.Version).IsConcurrencyToken();
        builder.Property<string>("_document").HasColumnName(UserConfiguration.DocumentColumn).IsRequired();
        builder.Ignore(group => group.Attributes);
        builder.Ignore(group => group.DomainEvents);
    }
}
