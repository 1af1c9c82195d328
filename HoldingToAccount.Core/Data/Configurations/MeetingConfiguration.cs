using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId);
        builder.HasMany(m => m.AgendaItems).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId);
        builder.HasIndex(m => new { m.SeriesId, m.Date });
        builder.Property(m => m.ImportedFromHash).HasMaxLength(64);
        builder.HasIndex(m => m.ImportedFromHash);
        builder.Property(m => m.WithdrawnReason).HasMaxLength(InputLimits.Reason);
    }
}
