using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("ActionItems");
        builder.Ignore(a => a.Reference);
        builder.HasIndex(a => new { a.Year, a.Sequence }).IsUnique();
        builder.HasIndex(a => new { a.SeriesId, a.Status });
        // "Due at this meeting" seeks the due dates between the series' previous meeting and this one.
        builder.HasIndex(a => a.DueDate);
        builder.Property(a => a.DuePhrase).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<MeetingSeries>().WithMany().HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.RaisedAtMeeting).WithMany().HasForeignKey(a => a.RaisedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.RaisedAtAgendaItem).WithMany().HasForeignKey(a => a.RaisedAtAgendaItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.DueMeeting).WithMany().HasForeignKey(a => a.DueMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.ClosedAtMeeting).WithMany().HasForeignKey(a => a.ClosedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Owners).WithMany().UsingEntity("ActionOwners");
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionItemId);
        builder.HasMany(a => a.Periods).WithOne().HasForeignKey(p => p.ActionItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
