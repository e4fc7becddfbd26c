using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class AdminApiKeyRecordConfiguration : IEntityTypeConfiguration<AdminApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<AdminApiKeyRecord> builder)
    {
        builder.ToTable("AdminApiKeys");
        builder.HasKey(record => record.Id);
        builder.Property(record => record.Id).ValueGeneratedNever();
        builder.Property(record => record.KeyHash).HasMaxLength(128).IsRequired();
    }
}
