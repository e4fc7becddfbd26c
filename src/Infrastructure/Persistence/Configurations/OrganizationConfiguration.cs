using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Organizations;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.HasKey(organization => organization.Id);
        builder.Property(organization => organization.Id).ValueGeneratedNever();
        // Domains are normalised to lower case by the domain model, so a plain unique index is case-insensitive.
        builder.Property(organization => organization.Domain).HasMaxLength(253).IsRequired();
        builder.HasIndex(organization => organization.Domain).IsUnique();
        builder.Property(organization => organization.Name).HasMaxLength(Organization.MaxNameLength).IsRequired();
        builder.Ignore(organization => organization.DomainEvents);

        builder.OwnsMany(organization => organization.Tokens, tokens =>
        {
            tokens.ToTable("DirectoryTokens");
            tokens.WithOwner().HasForeignKey("OrganizationId");
            tokens.HasKey(token => token.Id);
            tokens.Property(token => token.Id).ValueGeneratedNever();
            tokens.Property(token => token.TokenHash).HasMaxLength(128).IsRequired();
        });
        builder.Navigation(organization => organization.Tokens).HasField("_tokens");
    }
}
