using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Users;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class UserValueRecordConfiguration : IEntityTypeConfiguration<UserValueRecord>
{
    public const string TableName = "UserValues";

    public void Configure(EntityTypeBuilder<UserValueRecord> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(record => record.Id);
        builder.Property(record => record.Id).ValueGeneratedOnAdd();
        builder.HasOne<User>().WithMany().HasForeignKey(record => record.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(record => record.Attribute).HasMaxLength(UserValueRecord.MaxAttributeLength).IsRequired();

        // The seek of Entra's matching query: emails[type eq "work"].value eq "x" within one organization.
        builder.HasIndex(record => new { record.OrganizationId, record.Attribute, record.NormalizedValue });
        builder.HasIndex(record => record.UserId);
    }
}
