using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScimClean.Domain.Groups;

namespace ScimClean.Infrastructure.Persistence.Configurations;

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.ToTable("GroupMemberships");
        // One row per (group, member): adding or removing a member touches exactly one row.
        builder.HasKey(membership => new { membership.GroupId, membership.MemberId });
        builder.HasOne<Group>().WithMany().HasForeignKey(membership => membership.GroupId).OnDelete(DeleteBehavior.Cascade);
        // A user's groups, and removing a deleted user or group from every group it was in.
        builder.HasIndex(membership => new { membership.OrganizationId, membership.MemberId });
        builder.Property(membership => membership.MemberType).HasConversion<string>().HasMaxLength(8);
    }
}
