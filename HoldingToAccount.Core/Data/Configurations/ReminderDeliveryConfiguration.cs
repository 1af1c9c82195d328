using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.ToTable("ReminderDeliveries");
        builder.Ignore(d => d.Roles);
        builder.Ignore(d => d.VacantRoles);
        builder.Property(d => d.Recipient).HasMaxLength(320);
        builder.Property(d => d.RecipientName).HasMaxLength(200);
        builder.Property(d => d.SubjectKey).HasMaxLength(64);
        builder.Property(d => d.RoleCodes).HasMaxLength(200);
        builder.Property(d => d.VacantRoleCodes).HasMaxLength(200);
        builder.Property(d => d.Subject).HasMaxLength(500);
        builder.Property(d => d.MessageId).HasMaxLength(500);
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.Property(d => d.RequestedBy).HasMaxLength(200);
        builder.Property(d => d.ReplyToken).HasMaxLength(200);
        builder.HasIndex(d => d.ReplyToken).IsUnique();
        builder.HasIndex(d => d.MessageId);

        // The guard that makes at-least-once execution send once. Every part is non-null: SQLite and PostgreSQL
        // treat NULLs as distinct in a unique index, which would let duplicates through.
        builder.HasIndex(d => new { d.Recipient, d.Kind, d.SubjectKey, d.PlannedFor }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.PlannedFor });

        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ActionItem>().WithMany().HasForeignKey(d => d.ActionItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderSweepStateConfiguration : IEntityTypeConfiguration<ReminderSweepState>
{
    public void Configure(EntityTypeBuilder<ReminderSweepState> builder)
    {
        builder.ToTable("ReminderSweeps");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
