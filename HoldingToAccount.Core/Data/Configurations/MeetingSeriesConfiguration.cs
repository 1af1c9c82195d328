using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class MeetingSeriesConfiguration : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Kind).HasMaxLength(100);
        builder.Property(s => s.Recurrence).HasMaxLength(100);
        builder.HasMany(s => s.Sections).WithOne().HasForeignKey(s => s.SeriesId);
        builder.HasMany(s => s.Meetings).WithOne(m => m.Series).HasForeignKey(m => m.SeriesId);
    }
}
