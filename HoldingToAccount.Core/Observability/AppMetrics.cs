using System.Diagnostics.Metrics;

namespace HoldingToAccount.Core.Observability;

/// <summary>
/// The app's own measurements, on the meter <see cref="MeterName"/>: what an operator watches to see that the room
/// screens are up, people are connected and reminders go out. Plain System.Diagnostics.Metrics, so Core knows nothing of
/// OpenTelemetry: the dashboard exports the meter only when an OTLP endpoint is configured, and a test reads it with a
/// MeterListener. Recording on an instrument nobody listens to costs next to nothing.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "HoldingToAccount";

    private readonly UpDownCounter<int> _openCircuits;
    private readonly UpDownCounter<int> _liveBoards;
    private readonly Counter<int> _remindersSent;
    private readonly Counter<int> _remindersFailed;
    private readonly Counter<int> _repliesRecorded;
    private readonly Counter<int> _repliesRefused;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _openCircuits = meter.CreateUpDownCounter<int>("hta.circuits.open", "{circuit}", "Interactive sessions (Blazor circuits) open on this instance.");
        _liveBoards = meter.CreateUpDownCounter<int>("hta.boards.live", "{board}", "Room-screen boards following the register live on this instance.");
        _remindersSent = meter.CreateCounter<int>("hta.reminders.sent", "{message}", "Reminder e-mails the mail server accepted.");
        _remindersFailed = meter.CreateCounter<int>("hta.reminders.failed", "{message}",
            "Reminder e-mails not delivered: refused for good (hta.failure=refused) or to be retried (hta.failure=retrying).");
        _repliesRecorded = meter.CreateCounter<int>("hta.replies.recorded", "{message}", "E-mailed replies read from the inbound mailbox and recorded as updates.");
        _repliesRefused = meter.CreateCounter<int>("hta.replies.refused", "{message}", "E-mailed replies read from the inbound mailbox and refused (the sender is told why).");
    }

    public void CircuitsOpen(int change) => _openCircuits.Add(change);

    public void BoardsLive(int change)
    {
        if (change != 0)
            _liveBoards.Add(change);
    }

    public void ReminderSent(string kind) => _remindersSent.Add(1, new KeyValuePair<string, object?>("hta.reminder.kind", kind));

    public void ReminderRefused(string kind) => _remindersFailed.Add(1, new("hta.reminder.kind", kind), new("hta.failure", "refused"));

    public void ReminderToRetry(string kind) => _remindersFailed.Add(1, new("hta.reminder.kind", kind), new("hta.failure", "retrying"));

    public void ReplyRecorded() => _repliesRecorded.Add(1);

    public void ReplyRefused() => _repliesRefused.Add(1);
}
