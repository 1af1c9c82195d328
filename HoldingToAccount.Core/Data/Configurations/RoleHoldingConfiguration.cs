using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class RoleHoldingConfiguration : IEntityTypeConfiguration<RoleHolding>
{
    public void Configure(EntityTypeBuilder<RoleHolding> builder)
    {
        builder.HasOne(h => h.Person).WithMany(p => p.Holdings).HasForeignKey(h => h.PersonId);
        builder.HasOne(h => h.Role).WithMany(r => r.Holdings).HasForeignKey(h => h.RoleId);
        builder.HasIndex(h => new { h.RoleId, h.From });
    }
}
