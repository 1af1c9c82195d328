using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(16);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasOne(r => r.LineRole).WithMany().HasForeignKey(r => r.LineRoleId).OnDelete(DeleteBehavior.SetNull);
    }
}
