using System.ComponentModel.DataAnnotations;

namespace HoldingToAccount.Core.Reminders;

/// <summary>The reminder policy, bound from <c>Reminders:</c>. Lists left unset take the defaults shown.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>London time of day the morning reminders go (digests, due dates, overdue notices and summary).</summary>
    public TimeOnly SendAt { get; set; } = new(8, 0);

    /// <summary>Calendar days before a meeting that each owner gets a digest. Default 10 and 3.</summary>
    public List<int>? DigestDaysBefore { get; set; }

    /// <summary>Days after a date-based action's due date that an overdue notice goes if it is still open.</summary>
    [Range(1, 365)]
    public int OverdueAfterDays { get; set; } = 7;

    /// <summary>The day of the week the secretariat gets the overdue summary.</summary>
    public DayOfWeek OverdueSummaryDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How long after a meeting is held its "actions arising" message may still be planned.</summary>
    [Range(0, 60)]
    public int ActionsArisingWithinDays { get; set; } = 7;

    /// <summary>Working days (Monday to Friday, less bank holidays in England and Wales) before a meeting's written
    /// responses are due that their holder is reminded.</summary>
    [Range(0, 20)]
    public int WrittenResponsesWorkingDaysBefore { get; set; } = 2;

    /// <summary>The role that writes the responses to the questions sent in advance.</summary>
    [Required]
    public string WrittenResponsesRole { get; set; } = "CC";

    /// <summary>Roles whose holders are the secretariat (vacant roles and summaries go to them). Default PM and PO.</summary>
    public List<string>? SecretariatRoles { get; set; }

    /// <summary>A shared secretariat mailbox; when set it is used instead of the holders of <see cref="SecretariatRoles"/>.</summary>
    [EmailAddress]
    public string? SecretariatEmail { get; set; }

    /// <summary>Addresses never written to (people who have left). Inactive people are excluded anyway.</summary>
    public List<string>? ExcludedEmails { get; set; }

    /// <summary>How late a morning reminder may still be planned after its time: a sweep missed while the app was
    /// down is caught up within this window.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the sweep runs (see <see cref="SweepSchedule"/>); a last sweep older than twice this is reported overdue.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sender's claim on a delivery lasts before another may take it over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A planned delivery never attempted after this long is re-queued by the sweep (its job was lost).</summary>
    public TimeSpan StrandedAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Length of a meeting in every calendar entry: the reminder's attachment and the feeds.</summary>
    [Range(15, 24 * 60)]
    public int MeetingMinutes { get; set; } = 120;

    /// <summary>When an action that slips is escalated to its owner's line and the secretariat.</summary>
    public Chasing.EscalationOptions Escalation { get; set; } = new();

    public IReadOnlyList<int> DigestDays => DigestDaysBefore is { Count: > 0 } days ? days.Distinct().Order().ToList() : [10, 3];

    public IReadOnlyList<string> SecretariatRoleCodes =>
        (SecretariatRoles is { Count: > 0 } roles ? roles : ["PM", "PO"]).Select(People.RoleCodes.Normalise).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DigestDaysBefore?.Any(d => d is < 0 or > 90) == true)
            yield return new ValidationResult("Reminders:DigestDaysBefore takes days between 0 and 90.", [nameof(DigestDaysBefore)]);
        if (CatchUpWindow < TimeSpan.Zero || CatchUpWindow > TimeSpan.FromDays(7))
            yield return new ValidationResult("Reminders:CatchUpWindow must be between 0 and 7 days.", [nameof(CatchUpWindow)]);
        if (SweepSchedule.Problem(SweepInterval) is { } schedule)
            yield return new ValidationResult(schedule, [nameof(SweepInterval)]);
        if (ClaimTimeout < TimeSpan.FromSeconds(10))
            yield return new ValidationResult("Reminders:ClaimTimeout must be at least 10 seconds.", [nameof(ClaimTimeout)]);
        foreach (var problem in Escalation?.Problems() ?? [])
            yield return problem;
    }
}
