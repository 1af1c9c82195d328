using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.Property(u => u.Text).HasMaxLength(20_000);
        builder.Property(u => u.Author).HasMaxLength(200);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(u => u.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ActionItemId, u.Date });
        builder.Property(u => u.Channel).HasMaxLength(16);
    }
}
