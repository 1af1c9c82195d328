using System.ComponentModel.DataAnnotations;

namespace HoldingToAccount.Core.Reminders.Chasing;

/// <summary>When an action that slips is escalated, bound from <c>Reminders:Escalation:</c>.</summary>
public sealed class EscalationOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Escalate an open action once it has been carried forward this many times.</summary>
    [Range(1, 50)]
    public int CarriedTimes { get; set; } = 2;

    /// <summary>Escalate an open action once it is this many days past its due point.</summary>
    [Range(1, 3650)]
    public int OverdueDays { get; set; } = 28;

    internal IEnumerable<ValidationResult> Problems()
    {
        if (CarriedTimes is < 1 or > 50)
            yield return new ValidationResult("Reminders:Escalation:CarriedTimes takes a number of times between 1 and 50.", [nameof(CarriedTimes)]);
        if (OverdueDays is < 1 or > 3650)
            yield return new ValidationResult("Reminders:Escalation:OverdueDays takes a number of days between 1 and 3650.", [nameof(OverdueDays)]);
    }
}
