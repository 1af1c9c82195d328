using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Core.Reminders.Chasing;
using HoldingToAccount.Core.Reminders.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class ChaseRequestConfiguration : IEntityTypeConfiguration<ChaseRequest>
{
    public void Configure(EntityTypeBuilder<ChaseRequest> builder)
    {
        builder.ToTable("ChaseRequests");
        builder.Property(c => c.RequestedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.ActionItemId, c.HandledAtUtc });
        builder.HasOne<ActionItem>().WithMany().HasForeignKey(c => c.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.ToTable("Escalations");
        builder.HasIndex(e => new { e.ActionItemId, e.Reason, e.Threshold }).IsUnique();
        builder.HasIndex(e => e.EscalatedOn);
        builder.HasOne<ActionItem>().WithMany().HasForeignKey(e => e.ActionItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboundReplyConfiguration : IEntityTypeConfiguration<InboundReply>
{
    public void Configure(EntityTypeBuilder<InboundReply> builder)
    {
        builder.ToTable("InboundReplies");
        builder.Property(r => r.MessageId).HasMaxLength(500);
        builder.Property(r => r.From).HasMaxLength(320);
        builder.Property(r => r.Subject).HasMaxLength(500);
        builder.HasIndex(r => r.MessageId).IsUnique();
        builder.HasIndex(r => r.ProcessedAtUtc);
        builder.HasOne<ReminderDelivery>().WithMany().HasForeignKey(r => r.DeliveryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InboundMailboxStateConfiguration : IEntityTypeConfiguration<InboundMailboxState>
{
    public void Configure(EntityTypeBuilder<InboundMailboxState> builder)
    {
        builder.ToTable("InboundMailbox");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
