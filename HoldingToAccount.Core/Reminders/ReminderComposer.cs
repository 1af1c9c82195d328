using System.Globalization;
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
/// Laid out with <see cref="MailLayout"/>: Outlook-safe HTML and its plain-text twin, one short heading, status in
/// words, links that say where they go, one compact block per action.
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

    public Task<ComposedReminder?> ComposeAsync(ReminderDelivery delivery, CancellationToken ct = default) =>
        ComposeAsync(delivery, batch: null, ct);

    /// <summary>The same, sharing the reads of a run of sends (<see cref="DigestBatch"/>) when one is given.</summary>
    public async Task<ComposedReminder?> ComposeAsync(ReminderDelivery delivery, DigestBatch? batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Kind switch
        {
            ReminderKind.MeetingDigest => await DigestAsync(delivery, batch, ct),
            ReminderKind.ActionsArising => await ArisingAsync(delivery, ct),
            ReminderKind.DueDate or ReminderKind.Overdue => await ActionAsync(delivery, ct),
            ReminderKind.OverdueSummary => await OverdueSummaryAsync(delivery, ct),
            ReminderKind.WrittenResponses => await WrittenResponsesAsync(delivery, ct),
            ReminderKind.Chase => await ChaseAsync(delivery, ct),
            ReminderKind.Escalation => await EscalationAsync(delivery, ct),
            ReminderKind.ReplyReceipt => Receipt(delivery),
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

        message.Body = Body(composed);
        return message;
    }

    /// <summary>
    /// The plain-text and HTML bodies as alternatives, with the calendar entry (if any) beside them: the shape MimeKit's
    /// BodyBuilder gives, put together here so each body is encoded once rather than encoded, read back and encoded
    /// again to set its charset and transfer encoding.
    /// </summary>
    private static MimeEntity Body(ComposedReminder composed)
    {
        var alternative = new MultipartAlternative { Utf8Body("plain", composed.Text), Utf8Body("html", composed.Html) };
        if (composed.Calendar is not { } ics)
            return alternative;
        var type = new ContentType("text", "calendar") { Charset = "utf-8" };
        type.Parameters.Add("method", "PUBLISH");
        var calendar = new AttachmentCollection().Add(ics.FileName, Encoding.UTF8.GetBytes(ics.Content), type);
        // Base64 keeps the CRLF line ends RFC 5545 requires through any relay or mailbox that rewrites text.
        if (calendar is MimePart part)
            part.ContentTransferEncoding = ContentEncoding.Base64;
        return new Multipart("mixed") { alternative, calendar };
    }

    /// <summary>Declared UTF-8 and quoted-printable: raw UTF-8 under an implied 7bit is mangled by strict relays and
    /// archives, and quoted-printable keeps the bodies readable in the .eml files of the pickup folder.</summary>
    private static TextPart Utf8Body(string subtype, string text)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, text);
        part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        return part;
    }

    private async Task<ComposedReminder?> DigestAsync(ReminderDelivery delivery, DigestBatch? batch, CancellationToken ct)
    {
        var shared = batch is null ? null : await SharedAsync(batch, delivery.MeetingId, ct);
        var meeting = batch is null ? await MeetingAsync(delivery.MeetingId, ct) : shared?.Meeting;
        if (meeting is null || meeting.Status == MeetingStatus.Cancelled)
            return null;
        var mine = shared is null
            ? (await actions.OutstandingAtAsync(meeting.Id, delivery.Roles, ct)).Where(a => a.Status.IsOpen()).ToList()
            : shared.OpenOwnedBy(delivery.Roles);
        if (mine.Count == 0)
            return null;

        var when = London.LongDateTime(meeting.Date, meeting.StartTime);
        var subject = $"{Count(mine.Count)} due at the {meeting.Title} on {London.LongDate(meeting.Date)}";
        var page = new Page(subject, $"{Count(mine.Count)} due on {DayAndMonth(meeting.Date)}", delivery);
        page.Paragraph(Vacancy(delivery));
        page.Facts([("Meeting", meeting.Title), ("Date and time", when), ("Venue", meeting.Venue ?? "to be confirmed")]);
        page.Paragraph("A calendar entry for the meeting is attached.");
        page.Heading(2, $"Your actions due at this meeting ({mine.Count})");
        page.Paragraph("Please post an update on each before the meeting.");
        page.Actions(mine, a => Link("/my-actions", a.Reference), "Post an update on");
        var calendar = shared is null ? Ics(meeting, mine.Count) : shared.Calendar(mine.Count, count => Ics(meeting, count));
        return new ComposedReminder(subject, page.Text, page.Html, new IcsAttachment("meeting.ics", calendar));
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
        var page = new Page(subject, $"{Count(mine.Count)} arising for you", delivery);
        page.Paragraph($"The {meeting.Title} was held on {London.LongDate(meeting.Date)}. {Vacancy(delivery)}".TrimEnd());
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
        var page = new Page(subject, $"Written responses due {DayAndMonth(due)}", delivery);
        page.Paragraph($"Written responses to the questions sent in advance of the {meeting.Title} are due on {London.LongDate(due)}. {Vacancy(delivery)}".TrimEnd());
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
        var page = new Page(subject, overdue ? $"Action {reference} is overdue" : $"Due today: action {reference}", delivery);
        page.Paragraph((overdue
            ? $"This action was due on {London.LongDate(due)} and is still open. {Vacancy(delivery)}"
            : $"This action falls due today, {London.LongDate(due)}. {Vacancy(delivery)}").TrimEnd());
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
        var page = new Page(subject, $"{Count(overdue.Count)} overdue", delivery);
        page.Paragraph("These actions are still open after the meeting or date they were due at. This summary goes to the secretariat every week.");
        foreach (var owner in overdue.GroupBy(a => string.Join('/', a.Owners)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            page.Heading(2, $"Owned by {owner.Key} ({owner.Count()})");
            page.Actions(owner.ToList(), a => Link("/actions/" + ActionReference.ToUrl(a.Reference), null), a => $"Open {a.Reference} in the register");
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

    /// <summary>The answer to an e-mailed update: its words were fixed when the reply was read, in the row itself.</summary>
    private static ComposedReminder Receipt(ReminderDelivery delivery)
    {
        var subject = delivery.Subject ?? "Your e-mailed update";
        var page = new Page(subject, "Your reply to the action register", delivery);
        foreach (var paragraph in (delivery.Note ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            page.Paragraph(paragraph);
        return new ComposedReminder(subject, page.Text, page.Html, null);
    }

    /// <summary>Why this person gets it: small print in the footer.</summary>
    private static string Holding(ReminderDelivery delivery)
    {
        var held = delivery.Roles.Except(delivery.VacantRoles).ToList();
        return held.Count == 0 ? "" : $"You are receiving this as the holder of {Join(held)} on {London.LongDate(delivery.PlannedFor)}.";
    }

    /// <summary>That the secretariat stands in for a vacant role: said in the body, as it asks them to act.</summary>
    private static string Vacancy(ReminderDelivery delivery) =>
        delivery.VacantRoles.Count == 0 ? ""
            : $"{Join(delivery.VacantRoles)} {(delivery.VacantRoles.Count == 1 ? "was" : "were")} vacant on {London.LongDate(delivery.PlannedFor)}, so this comes to the secretariat.";

    private static string DayAndMonth(DateOnly date) => date.ToString("d MMMM", Uk);

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

    /// <summary>
    /// A message being written: its short heading, the greeting, then pieces of <see cref="MailLayout"/> in order,
    /// and the footer saying why it came. The two bodies come out of the same pieces, so they always agree.
    /// </summary>
    private sealed class Page
    {
        private const int LongestUpdate = 100;
        private readonly string _title;
        private readonly DateOnly? _today;
        private readonly List<MailBlock> _blocks = [];
        private readonly List<string> _footer = [];
        private (string Html, string Text)? _document;
        private string? _replyToken;

        public Page(string title, string heading, ReminderDelivery delivery) : this(title, heading, delivery.RecipientName, delivery.PlannedFor)
        {
            Footnote(Holding(delivery));
            _replyToken = Replies.ReplyInvitation.InvitesReply(delivery.Kind) ? delivery.ReplyToken : null;
        }

        private Page(string title, string heading, string recipientName, DateOnly? today)
        {
            _title = title;
            _today = today;
            _blocks.Add(MailLayout.Heading(heading));
            Paragraph($"Dear {recipientName},");
        }

        public string Text => Document.Text;

        public string Html => Document.Html;

        private (string Html, string Text) Document => _document ??= _replyToken is { } token
            ? MailLayout.Document(_title, _blocks.Append(MailLayout.Note(Replies.ReplyInvitation.Instructions)),
                MailLayout.Footer(_footer.Append(Replies.ReplyInvitation.FooterPrefix + token)))
            : MailLayout.Document(_title, _blocks, MailLayout.Footer(_footer));

        public void Add(MailBlock block) => _blocks.Add(block);

        public void Footnote(string text) => _footer.Add(text);

        public void Heading(int level, string text) => _blocks.Add(level <= 2 ? MailLayout.Section(text) : MailLayout.Subheading(text));

        public void Paragraph(string text)
        {
            if (!string.IsNullOrWhiteSpace(text))
                _blocks.Add(MailLayout.Paragraph(text));
        }

        public void Note(string text)
        {
            if (!string.IsNullOrWhiteSpace(text))
                _blocks.Add(MailLayout.Note(text));
        }

        public void Link(string text, string url) => _blocks.Add(MailLayout.Button(text, url));

        public void Facts(IEnumerable<(string Term, string Value)> facts) => _blocks.Add(MailLayout.Facts(facts));

        public void Actions(IReadOnlyList<ActionRow> rows, Func<ActionRow, string> link, string linkVerb) =>
            Actions(rows, link, a => $"{linkVerb} {a.Reference}");

        public void Actions(IReadOnlyList<ActionRow> rows, Func<ActionRow, string> link, Func<ActionRow, string> linkText)
        {
            foreach (var a in rows)
                _blocks.Add(MailLayout.Action(new MailAction(a.Reference, a.Text, ActionFacts(a), linkText(a), link(a))));
        }

        /// <summary>What the reader needs to act, and no more: where it stands, when it is due, how long it has slipped,
        /// and the gist of the latest update.</summary>
        private List<(string, string)> ActionFacts(ActionRow a)
        {
            var dueOn = a.DueKind == DueKind.Date ? a.DueDate : a.DueMeeting?.Date ?? a.DueDate;
            var due = a is { DueKind: DueKind.Date, DueDate: { } date } ? London.LongDate(date)
                : a.DueMeeting is { } m ? $"the meeting of {London.ShortDate(m.Date)}"
                : a.DueDate is { } d ? London.LongDate(d)
                : string.IsNullOrWhiteSpace(a.DuePhrase) ? "next meeting" : $"next meeting (\u201c{a.DuePhrase}\u201d)";
            var overdue = a.Status.IsOpen() && dueOn is { } on && _today is { } today && on < today;
            var facts = new List<(string, string)> { ("Status", Words(a.Status) + (overdue ? ", overdue" : "")) };
            if (a.Owners.Count > 1)
                facts.Add(("Owners", string.Join('/', a.Owners)));
            facts.Add(("Due", due));
            facts.Add(("Times carried forward", a.TimesCarried.ToString(Uk)));
            facts.Add(("Latest update", a.LatestUpdate is { } u
                ? $"{London.ShortDate(u.Date)}, {u.Author}: {Shortened(u.Text)}"
                : "none yet"));
            return facts;
        }

        private static string Shortened(string text)
        {
            var flat = string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            if (flat.Length <= LongestUpdate)
                return flat;
            var cut = flat.LastIndexOf(' ', LongestUpdate);
            return flat[..(cut > LongestUpdate / 2 ? cut : LongestUpdate)].TrimEnd(',', ';', ':', '.') + "\u2026";
        }

        private static string Words(ActionStatus status) => status switch
        {
            ActionStatus.UpdateProvided => "Open, update provided",
            ActionStatus.ProposedComplete => "Open, proposed complete",
            ActionStatus.Closed => "Closed",
            ActionStatus.Cancelled => "Cancelled",
            _ => "Open",
        };
    }
}
