namespace HoldingToAccount.Core.Reminders.Chasing;

public enum EscalationReason { Carried, Overdue }

/// <summary>
/// An action that crossed an escalation threshold (carried N times, or overdue by D days). One row per action, reason
/// and threshold: the unique key is what makes each threshold escalate once however often the sweep runs.
/// </summary>
public class Escalation : Audit.INotAudited
{
    public int Id { get; set; }
    public int ActionItemId { get; set; }
    public EscalationReason Reason { get; set; }

    /// <summary>The threshold crossed: times carried, or days overdue.</summary>
    public int Threshold { get; set; }

    /// <summary>The London day it was escalated.</summary>
    public DateOnly EscalatedOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
