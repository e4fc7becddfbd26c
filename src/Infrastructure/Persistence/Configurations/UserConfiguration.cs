using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Users;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string DocumentColumn = "Document";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(user => user.Id);
        builder.Property(user => user.Id).ValueGeneratedNever();
        builder.HasOne<Organization>().WithMany().HasForeignKey(user => user.OrganizationId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(user => user.UserName).HasMaxLength(UserAttributes.MaxUserNameLength).IsRequired();
        builder.Property(user => user.NormalizedUserName).HasMaxLength(UserAttributes.MaxUserNameLength).IsRequired();
        // The unique index is what makes two concurrent creates of one userName end in one 201 and one 409.
        builder.HasIndex(user => new { user.OrganizationId, user.NormalizedUserName }).IsUnique();
        builder.HasIndex(user => new { user.OrganizationId, user.ExternalId });
        builder.HasIndex(user => new { user.OrganizationId, user.DisplayName });
        builder.HasIndex(user => new { user.OrganizationId, user.Id });

        builder.Property(user => user.Version).IsConcurrencyToken();
        builder.Property<string>("_document").HasColumnName(DocumentColumn).IsRequired();
        builder.Ignore(user => user.Attributes);
        builder.Ignore(user => user.DomainEvents);
    }
}
