using System.Globalization;
using System.Net;
using System.Text;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HoldingToAccount.Core.Reminders;

/// <summary>A reminder written out: subject, plain-text and HTML bodies, and any attachment.</summary>
public sealed record ComposedReminder(string Subject, string Text, string Html, IcsAttachment? Calendar);

public sealed record IcsAttachment(string FileName, string Content);

/// <summary>
/// Writes a delivery row out as an e-mail from the register as it stands when it is sent, so a reminder never lists
/// an action closed since it was planned. Returns null when nothing is left to say (every action has been closed).
/// HTML is plain and accessible: real headings and lists, status in words, links that say where they go.
/// </summary>
public sealed partial class ReminderComposer(
    IDbContextFactory<AppDbContext> factory,
    ActionService actions,
    MeetingCalendar meetingCalendar,
    IOptions<EmailOptions> emailOptions,
    IOptions<PublicLinkOptions> links,
    TimeProvider clock)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private string BaseUrl => links.Value.BaseUrl;

    public async Task<ComposedReminder?> ComposeAsync(ReminderDelivery delivery, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Kind switch
        {
            ReminderKind.MeetingDigest => await DigestAsync(delivery, ct),
            ReminderKind.ActionsArising => await ArisingAsync(delivery, ct),
            ReminderKind.DueDate or ReminderKind.Overdue => await ActionAsync(delivery, ct),
            ReminderKind.OverdueSummary => await OverdueSummaryAsync(delivery, ct),
            ReminderKind.WrittenResponses => await WrittenResponsesAsync(delivery, ct),
            ReminderKind.Chase => await ChaseAsync(delivery, ct),
            ReminderKind.Escalation => await EscalationAsync(delivery, ct),
            _ => null,
        };
    }

    public MimeMessage ToMessage(ReminderDelivery delivery, ComposedReminder composed)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(composed);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(emailOptions.Value.Smtp.From));
        message.To.Add(new MailboxAddress(delivery.RecipientName, delivery.Recipient));
        message.Subject = composed.Subject;
        message.Date = clock.GetUtcNow();
        message.MessageId = $"reminder-{delivery.Id}.{delivery.PlannedFor:yyyyMMdd}@{links.Value.Host}";
        message.Headers.Add("X-HTA-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-HTA-Reminder", delivery.Kind.ToString());
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = composed.Text, HtmlBody = composed.Html };
        if (composed.Calendar is { } ics)
        {
            var type = new ContentType("text", "calendar") { Charset = "utf-8" };
            type.Parameters.Add("method", "PUBLISH");
            // Base64 keeps the CRLF line ends RFC 5545 requires through any relay or mailbox that rewrites text.
            if (body.Attachments.Add(ics.FileName, Encoding.UTF8.GetBytes(ics.Content), type) is MimePart part)
                part.ContentTransferEncoding = ContentEncoding.Base64;
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task<ComposedReminder?> DigestAsync(ReminderDelivery delivery, CancellationToken ct)
    {
        var meeting = await MeetingAsync(delivery.MeetingId, ct);
        if (meeting is null || meeting.Status == MeetingStatus.Cancelled)
            return null;
        var mine = (await actions.OutstandingAtAsync(meeting.Id, delivery.Roles, ct)).Where(a => a.Status.IsOpen()).ToList();
        if (mine.Count == 0)
            return null;

        var when = London.LongDateTime(meeting.Date, meeting.StartTime);
        var subject = $"{Count(mine.Count)} due at the {meeting.Title} on {London.LongDate(meeting.Date)}";
        var page = new Page(subject, delivery.RecipientName);
        page.Heading(2, "The meeting");
        page.Facts([("Meeting", meeting.Title), ("Date and time", when), ("Venue", meeting.Venue ?? "to be confirmed")]);
        page.Paragraph(Why(delivery));
        page.Heading(2, $"Your actions due at this meeting ({mine.Count})");
        page.Paragraph("Please post an update on each before the meeting.");
        page.Actions(mine, a => Link("/my-actions", a.Reference), "Post an update on");
        page.Paragraph("A calendar entry for the meeting is attached.");
        return new ComposedReminder(subject, page.Text, page.Html, new IcsAttachment("meeting.ics", Ics(meeting, mine.Count)));
    }

    private async Task<ComposedReminder?> ArisingAsync(ReminderDelivery delivery, CancellationToken ct)
    {
        var meeting = await MeetingAsync(delivery.MeetingId, ct);
        if (meeting is null)
            return null;
        var mine = (await actions.RaisedAtAsync(meeting.Id, ct)).Where(a => a.Status.IsOpen() && Owns(delivery, a)).ToList();
        if (mine.Count == 0)
            return null;
        var subject = $"Actions arising for you from the {meeting.Title}";
        var page = new Page(subject, delivery.RecipientName);
        page.Paragraph($"The {meeting.Title} was held on {London.LongDate(meeting.Date)}. {Why(delivery)}");
        page.Heading(2, $"Actions arising ({mine.Count})");
        page.Actions(mine, a => Link("/my-actions", a.Reference), "Post an update on");
        return new ComposedReminder(subject, page.Text, page.Html, null);
    }

    private async Task<ComposedReminder?> WrittenResponsesAsync(ReminderDelivery delivery, CancellationToken ct)
    {
        if (delivery.MeetingId is not { } meetingId)
            return null;
        Meeting? meeting;
        List<AgendaItem> asked;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
            if (meeting is not { Status: MeetingStatus.Planned, WrittenResponsesDue: not null })
                return null;
            asked = await db.AgendaItems.AsNoTracking()
                .Where(i => i.MeetingId == meetingId && i.Questions != null && i.Questions != "")
                .OrderBy(i => i.Order).ThenBy(i => i.Id)
                .ToListAsync(ct);
        }
        var due = meeting.WrittenResponsesDue.Value;
        var subject = $"Written responses for the {meeting.Title} are due on {London.LongDate(due)}";
        var page = new Page(subject, delivery.RecipientName);
        page.Paragraph($"Written responses to the questions sent in advance of the {meeting.Title} are due on {London.LongDate(due)}. {Why(delivery)}");
        page.Heading(2, "The meeting");
        page.Facts([
            ("Meeting", meeting.Title),
            ("Date and time", London.LongDateTime(meeting.Date, meeting.StartTime)),
            ("Venue", meeting.Venue ?? "to be confirmed"),
            ("Written responses due", London.LongDate(due)),
        ]);
        if (asked.Count == 0)
        {
            page.Paragraph("The questions have not been entered in the register yet; the secretariat will send them separately.");
        }
        else
        {
            page.Heading(2, $"Questions sent in advance ({asked.Count})");
            foreach (var item in asked)
            {
                page.Heading(3, $"{item.Number} {item.Title}");
                page.Paragraph(item.Restricted ? "This item is restricted: read its questions in the register." : item.Questions!);
            }
        }
        page.Link("Open the meeting's agenda and questions", $"{BaseUrl}/meetings/{meeting.Id.ToString(CultureInfo.InvariantCulture)}");
        return new ComposedReminder(subject, page.Text, page.Html, null);
    }

    private async Task<ComposedReminder?> ActionAsync(ReminderDelivery delivery, CancellationToken ct)
    {
        if (delivery.ActionItemId is not { } id)
            return null;
        string reference;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var key = await db.Actions.Where(a => a.Id == id).Select(a => new { a.Year, a.Sequence }).SingleOrDefaultAsync(ct);
            if (key is null)
                return null;
            reference = ActionReference.Format(key.Year, key.Sequence);
        }
        var action = (await actions.GetAsync(reference, ct))?.Action;
        if (action is null || !action.Status.IsOpen() || action.DueDate is not { } due)
            return null;

        var overdue = delivery.Kind == ReminderKind.Overdue;
        var subject = overdue
            ? $"Action {reference} is overdue: it was due on {London.LongDate(due)}"
            : $"Action {reference} is due today";
        var page = new Page(subject, delivery.RecipientName);
        page.Paragraph(overdue
            ? $"This action was due on {London.LongDate(due)} and is still open. {Why(delivery)}"
            : $"This action falls due today, {London.LongDate(due)}. {Why(delivery)}");
        page.Heading(2, "The action");
        page.Actions([action], a => Link("/my-actions", a.Reference), "Post an update on");
        return new ComposedReminder(subject, page.Text, page.Html, null);
    }

    private async Task<ComposedReminder?> OverdueSummaryAsync(ReminderDelivery delivery, CancellationToken ct)
    {
        var day = delivery.PlannedFor;
        List<ActionRow> overdue;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var references = await db.Actions
                .Where(CarryForward.Overdue(db.Meetings, day))
                .OrderBy(a => a.Year).ThenBy(a => a.Sequence)
                .Select(a => new { a.Year, a.Sequence })
                .ToListAsync(ct);
            overdue = [];
            foreach (var r in references)
            {
                if ((await actions.GetAsync(ActionReference.Format(r.Year, r.Sequence), ct))?.Action is { } row)
                    overdue.Add(row);
            }
        }
        if (overdue.Count == 0)
            return null;
        var subject = $"Overdue actions: {overdue.Count} open past their due point on {London.LongDate(day)}";
        var page = new Page(subject, delivery.RecipientName);
        page.Paragraph("These actions are still open after the meeting or date they were due at. This summary goes to the secretariat every week.");
        foreach (var owner in overdue.GroupBy(a => string.Join('/', a.Owners)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            page.Heading(2, $"Owned by {owner.Key} ({owner.Count()})");
            page.Actions(owner.ToList(), a => Link("/actions/" + ActionReference.ToUrl(a.Reference), null), "Open");
        }
        return new ComposedReminder(subject, page.Text, page.Html, null);
    }

    private async Task<Meeting?> MeetingAsync(int? id, CancellationToken ct)
    {
        if (id is not { } meetingId)
            return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
    }

    private static bool Owns(ReminderDelivery delivery, ActionRow action) => action.Owners.Intersect(delivery.Roles).Any();

    private static string Count(int n) => n == 1 ? "1 action" : $"{n} actions";

    private static string Why(ReminderDelivery delivery)
    {
        var held = delivery.Roles.Except(delivery.VacantRoles).ToList();
        var parts = new List<string>();
        if (held.Count > 0)
            parts.Add($"You are receiving this as the holder of {Join(held)} on {London.LongDate(delivery.PlannedFor)}.");
        if (delivery.VacantRoles.Count > 0)
            parts.Add($"{Join(delivery.VacantRoles)} {(delivery.VacantRoles.Count == 1 ? "was" : "were")} vacant on {London.LongDate(delivery.PlannedFor)}, so this comes to the secretariat.");
        return string.Join(' ', parts);
    }

    private static string Join(IReadOnlyList<string> codes) =>
        codes.Count <= 1 ? string.Concat(codes) : string.Join(", ", codes.Take(codes.Count - 1)) + " and " + codes[^1];

    private string Link(string path, string? reference) =>
        reference is null ? BaseUrl + path : $"{BaseUrl}{path}?ref={Uri.EscapeDataString(ActionReference.ToUrl(reference))}";

    private string Ics(Meeting meeting, int actionCount)
    {
        var calendar = MeetingCalendar.NewCalendar(meeting.Date);
        calendar.Events.Add(meetingCalendar.MeetingEvent(meeting, [$"{Count(actionCount)} of yours due at this meeting."]));
        return MeetingCalendar.Serialize(calendar);
    }

    /// <summary>Builds the plain-text and HTML bodies side by side so they always say the same thing.</summary>
    private sealed class Page
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public Page(string title, string recipientName)
        {
            _html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                .Append(E(title)).Append("</title></head><body style=\"font-family:Arial,sans-serif;line-height:1.5\">\n")
                .Append("<h1>").Append(E(title)).Append("</h1>\n");
            _text.AppendLine(title).AppendLine(new string('=', Math.Min(title.Length, 72))).AppendLine();
            Paragraph($"Dear {recipientName},");
        }

        public string Text => _text + "\n--\nHolding to account action register. This message was sent automatically.\n";

        public string Html => _html + "<hr><p>Holding to account action register. This message was sent automatically.</p>\n</body></html>\n";

        public void Heading(int level, string text)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<h{level}>").Append(E(text)).Append(CultureInfo.InvariantCulture, $"</h{level}>\n");
            _text.AppendLine(text).AppendLine(new string('-', Math.Min(text.Length, 72))).AppendLine();
        }

        public void Paragraph(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
                return;
            _html.Append("<p>").Append(E(text)).Append("</p>\n");
            _text.AppendLine(text).AppendLine();
        }

        public void Link(string text, string url)
        {
            _html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(text)).Append("</a></p>\n");
            _text.Append(text).Append(": ").AppendLine(url).AppendLine();
        }

        public void Facts(IEnumerable<(string Term, string Value)> facts)
        {
            _html.Append("<dl>\n");
            foreach (var (term, value) in facts)
            {
                _html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
                _text.Append(term).Append(": ").AppendLine(value);
            }
            _html.Append("</dl>\n");
            _text.AppendLine();
        }

        public void Actions(IReadOnlyList<ActionRow> rows, Func<ActionRow, string> link, string linkVerb)
        {
            _html.Append("<ol>\n");
            foreach (var a in rows)
            {
                var facts = ActionFacts(a);
                _html.Append("<li>\n<h3>").Append(E($"{a.Reference}: {a.Text}")).Append("</h3>\n<dl>\n");
                _text.Append("* ").Append(a.Reference).Append("  ").AppendLine(a.Text);
                foreach (var (term, value) in facts)
                {
                    _html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
                    _text.Append("    ").Append(term).Append(": ").AppendLine(value);
                }
                var url = link(a);
                _html.Append("</dl>\n<p><a href=\"").Append(E(url)).Append("\">").Append(E($"{linkVerb} {a.Reference}")).Append("</a></p>\n</li>\n");
                _text.Append("    ").Append(linkVerb).Append(' ').Append(a.Reference).Append(": ").AppendLine(url).AppendLine();
            }
            _html.Append("</ol>\n");
        }

        private static List<(string, string)> ActionFacts(ActionRow a)
        {
            var raised = $"{a.RaisedAt.Title} ({London.ShortDate(a.RaisedAt.Date)})"
                + (a.ItemNumber is null ? "" : $", item {a.ItemNumber}{(a.ItemTitle is null ? "" : " " + a.ItemTitle)}");
            var due = a.DueMeeting is { } m ? $"{m.Title} ({London.ShortDate(m.Date)})"
                : a.DueDate is { } d ? London.LongDate(d)
                : "next meeting";
            if (!string.IsNullOrWhiteSpace(a.DuePhrase))
                due += $" (\u201c{a.DuePhrase}\u201d)";
            var facts = new List<(string, string)>
            {
                ("Owner", string.Join('/', a.Owners)),
                ("Raised at", raised),
                ("Due", due),
                ("Status", Words(a.Status)),
                ("Times carried forward", a.TimesCarried.ToString(Uk)),
            };
            facts.Add(("Latest update", a.LatestUpdate is { } u
                ? $"{London.ShortDate(u.Date)}, {u.Author}: {u.Text}"
                : "none yet"));
            return facts;
        }

        private static string Words(ActionStatus status) => status switch
        {
            ActionStatus.UpdateProvided => "Open, update provided",
            ActionStatus.ProposedComplete => "Open, proposed complete",
            ActionStatus.Closed => "Closed",
            ActionStatus.Cancelled => "Cancelled",
            _ => "Open",
        };

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
