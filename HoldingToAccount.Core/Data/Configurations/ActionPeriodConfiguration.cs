using HoldingToAccount.Core.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class ActionPeriodConfiguration : IEntityTypeConfiguration<ActionPeriod>
{
    public void Configure(EntityTypeBuilder<ActionPeriod> builder)
    {
        builder.Ignore(p => p.OwnerCodes);
        builder.Property(p => p.RecordedBy).HasMaxLength(InputLimits.PersonName);
        builder.Property(p => p.Text).HasMaxLength(InputLimits.ActionText);
        builder.Property(p => p.DuePhrase).HasMaxLength(InputLimits.DuePhrase);
        builder.HasOne(p => p.DueMeeting).WithMany().HasForeignKey(p => p.DueMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ActionItemId, p.From });
    }
}
