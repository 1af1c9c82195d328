using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Reminders;
using MudBlazor;

namespace HoldingToAccount.Dashboard.Components.Pages.Outbox;

/// <summary>Words and icons for the outbox: statuses and kinds as a person would say them.</summary>
internal static class OutboxText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Status(ReminderStatus status) => status switch
    {
        ReminderStatus.Planned => "Planned",
        ReminderStatus.Sent => "Sent",
        ReminderStatus.Failed => "Failed",
        _ => "Skipped",
    };

    public static string Icon(ReminderStatus status) => status switch
    {
        ReminderStatus.Planned => Icons.Material.Filled.Schedule,
        ReminderStatus.Sent => Icons.Material.Filled.MarkEmailRead,
        ReminderStatus.Failed => Icons.Material.Filled.ErrorOutline,
        _ => Icons.Material.Filled.Block,
    };

    public static Color Colour(ReminderStatus status) => status switch
    {
        ReminderStatus.Sent => Color.Success,
        ReminderStatus.Failed => Color.Error,
        ReminderStatus.Planned => Color.Info,
        _ => Color.Default,
    };

    public static string Kind(ReminderKind kind) => kind switch
    {
        ReminderKind.MeetingDigest => "Before the meeting",
        ReminderKind.DueDate => "Due today",
        ReminderKind.Overdue => "Overdue notice",
        ReminderKind.OverdueSummary => "Weekly overdue summary",
        ReminderKind.ActionsArising => "Actions arising",
        ReminderKind.WrittenResponses => "Written responses due",
        ReminderKind.Chase => "Chase for an update",
        ReminderKind.Escalation => "Escalation",
        ReminderKind.ReplyReceipt => "Answer to an e-mailed update",
        _ => kind.ToString(),
    };

    /// <summary>What a status filter shows when it has nothing: what happens next.</summary>
    public static string Empty(ReminderStatus? status, ReminderOptions policy) => status switch
    {
        ReminderStatus.Planned => "Nothing is waiting to be sent. The sweep plans new reminders every "
            + $"{SweepSchedule.Describe(policy.SweepInterval)} and sends each straight away.",
        ReminderStatus.Sent => $"Nothing has been sent yet. The first reminders go at {policy.SendAt:HH\\:mm} (London) on the morning they are due.",
        ReminderStatus.Failed => "No reminder has failed. If the mail server refuses one for good, it appears here with the server's reply and you can send it again.",
        ReminderStatus.Skipped => "None skipped. A reminder is skipped when, by the time it goes, its actions are closed or its meeting is cancelled.",
        _ => $"No reminders yet. Every {SweepSchedule.Describe(policy.SweepInterval)} the sweep plans what is due: digests "
            + $"{string.Join(" and ", policy.DigestDays)} days before each meeting at {policy.SendAt:HH\\:mm}, due-date and overdue notices, "
            + "and actions arising after a meeting is held. Preview the next sweep below.",
    };

    /// <summary>A stored UTC instant as London time, "1 Feb 2017 08:00".</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London.Zone).ToString("d MMM yyyy HH:mm", Uk);

    public static string Time(DateTimeOffset instant) => Time(instant.UtcDateTime);
}
