using System.Globalization;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Export;

/// <summary>
/// The office's notes layout (see the notes it has published): title, date and time, chair, minutes, venue, attendance
/// and apologies, then the series' sections with their numbered items — questions, findings and the actions arising
/// with the owner on the right — the items brought forward with their updates, and the date of the next meeting.
/// </summary>
public static class NotesLayout
{
    public const string NoActionsArising = "There were no actions arising.";

    public static DocumentInfo NotesInfo(MeetingNotes notes) => new(
        $"{notes.Detail.Meeting.Title} – Meeting Notes" + (notes.Variant == NotesVariant.Public ? " (public)" : ""),
        "Meeting notes");

    public static DocumentInfo ActionsPackInfo(MeetingNotes notes) => new($"Actions pack – {notes.Detail.Meeting.Title}", "Actions pack", Landscape: true);

    public static IReadOnlyList<Block> Notes(MeetingNotes notes)
    {
        var detail = notes.Detail;
        var meeting = detail.Meeting;
        var blocks = new List<Block> { new Heading(1, $"{meeting.Title} – Meeting Notes") };
        if (notes.Variant == NotesVariant.Public)
            blocks.Add(Paragraph.Italic("Public version: items marked restricted are not included."));
        if (meeting.Status == MeetingStatus.Cancelled)
            blocks.Add(Paragraph.Label("This meeting was cancelled."));
        blocks.Add(Paragraph.Labelled("Date:", London.LongDateTime(meeting.Date, meeting.StartTime)));
        blocks.Add(Paragraph.Labelled("Chair:", meeting.Chair ?? "Not recorded"));
        blocks.Add(Paragraph.Labelled("Minutes:", detail.MinuteTaker ?? "Not recorded"));
        blocks.Add(Paragraph.Labelled("Venue:", meeting.Venue ?? "Not recorded"));
        AddAttendance(blocks, detail.Attendees);

        var agenda = detail.Agenda;
        var broughtForwardSection = detail.BroughtForwardSection();
        var nextMeetingSection = detail.NextMeetingSection();
        var placed = new HashSet<int>();
        if (broughtForwardSection is null)
        {
            blocks.Add(new Heading(2, "Items brought forward"));
            AddBroughtForward(blocks, notes.BroughtForward, hasItems: false);
        }

        foreach (var section in agenda.Where(s => s != nextMeetingSection))
        {
            blocks.Add(new Heading(2, SectionHeading(section)));
            if (section == broughtForwardSection)
                AddBroughtForward(blocks, notes.BroughtForward, section.Items.Count > 0);
            else if (section.Items.Count == 0)
                blocks.Add(Paragraph.Plain("No items on the agenda."));
            foreach (var item in section.Items)
            {
                var arising = notes.ActionsArising.Where(a => a.ItemNumber == item.Number).ToList();
                placed.UnionWith(arising.Select(a => a.Id));
                AddItem(blocks, item, arising);
            }
        }

        var unplaced = notes.ActionsArising.Where(a => !placed.Contains(a.Id)).ToList();
        if (unplaced.Count > 0)
        {
            blocks.Add(new Heading(2, "Other actions arising"));
            blocks.Add(ArisingTable("Other actions arising", unplaced));
        }

        blocks.Add(new Heading(2, nextMeetingSection is null ? "Date of next meeting" : SectionHeading(nextMeetingSection)));
        blocks.Add(Paragraph.Plain(NextMeeting(detail, nextMeetingSection)));
        return blocks;
    }

    /// <summary>The chair's list for the meeting: every action outstanding at it, oldest first, with owner, status and latest
    /// update as at the meeting, as the notes have it.</summary>
    public static IReadOnlyList<Block> ActionsPack(MeetingNotes notes)
    {
        var meeting = notes.Detail.Meeting;
        var blocks = new List<Block>
        {
            new Heading(1, $"Actions pack – {meeting.Title}"),
            Paragraph.Labelled("Date:", London.LongDateTime(meeting.Date, meeting.StartTime)),
            Paragraph.Labelled("Venue:", meeting.Venue ?? "Not recorded"),
            Paragraph.Labelled("Chair:", meeting.Chair ?? "Not recorded"),
            new Heading(2, "Outstanding actions"),
        };
        var actions = notes.BroughtForward;
        if (actions.Count == 0)
        {
            blocks.Add(Paragraph.Plain("There are no outstanding actions for this meeting."));
            return blocks;
        }
        blocks.Add(Paragraph.Plain(actions.Count == 1
            ? "1 action is outstanding at this meeting: raised before it, due at or before it, and not closed."
            : $"{actions.Count} actions are outstanding at this meeting: raised before it, due at or before it, and not closed."));
        var rows = actions.Select(b => (IReadOnlyList<TableCell>)
        [
            TableCell.Text(b.Action.Reference),
            new TableCell(ExportText.AsAgreed(b.Action) is { } phrase
                ? [Paragraph.Plain(b.Action.Text), Paragraph.Italic($"“{phrase}”")]
                : [Paragraph.Plain(b.Action.Text)]),
            TableCell.Text($"{b.Action.RaisedAt.Title}{ItemSuffix(b.Action)}"),
            TableCell.Text(ExportText.Due(b.Action)),
            TableCell.Text(ExportText.Owners(b.Action)),
            TableCell.Text(ExportText.Status(b.Action.Status)),
            TableCell.Text(b.Action.TimesCarried.ToString(CultureInfo.InvariantCulture)),
            TableCell.Text(b.LatestUpdate is { } update ? ExportText.Dated(update) : "No update yet"),
        ]).ToList();
        blocks.Add(new Table("Outstanding actions", ["Ref", "Action", "Raised at", "Due", "Owner", "Status", "Times carried", "Latest update"],
            rows, [3, 9, 4, 4, 3, 3, 3, 7]));
        return blocks;
    }

    private static void AddAttendance(List<Block> blocks, IReadOnlyList<AttendeeRow> attendees)
    {
        blocks.Add(new Heading(2, "Attendance"));
        var present = attendees.Where(a => a.Attendance == Attendance.Present).ToList();
        if (present.Count == 0)
            blocks.Add(Paragraph.Plain("No attendance was recorded."));
        else
            blocks.Add(new Table("Attendance", ["Name", "Capacity"],
                present.Select(a => (IReadOnlyList<TableCell>)[TableCell.Text(a.Name), TableCell.Text(a.Capacity ?? "")]).ToList(), [2, 3]));
        var apologies = attendees.Where(a => a.Attendance == Attendance.Apologies)
            .Select(a => string.IsNullOrWhiteSpace(a.Capacity) ? a.Name : $"{a.Name}, {a.Capacity}")
            .ToList();
        blocks.Add(Paragraph.Labelled("Apologies:", apologies.Count == 0 ? "None" : string.Join("; ", apologies)));
    }

    private static void AddBroughtForward(List<Block> blocks, IReadOnlyList<BroughtForwardAction> broughtForward, bool hasItems)
    {
        if (broughtForward.Count == 0)
        {
            if (!hasItems)
                blocks.Add(Paragraph.Plain("There were no items brought forward."));
            return;
        }
        var rows = broughtForward.Select(b =>
        {
            var content = new List<Block>(ActionParagraphs(b.Action))
            {
                Paragraph.Italic($"Raised at {b.Action.RaisedAt.Title} ({London.ShortDate(b.Action.RaisedAt.Date)}){ItemSuffix(b.Action)}."),
            };
            if (b.Action.TimesCarried > 0)
                content.Add(Paragraph.Plain(b.Action.TimesCarried == 1 ? "Carried forward once." : $"Carried forward {b.Action.TimesCarried} times."));
            if (b.Updates.Count == 0)
                content.Add(Paragraph.Labelled("Update:", "No update has been recorded."));
            foreach (var update in b.Updates)
            {
                var lines = ExportText.Lines(update.Text);
                content.Add(Paragraph.Labelled($"Update ({London.ShortDate(update.Date)}):", lines.Count > 0 ? lines[0] : ""));
                content.AddRange(lines.Skip(1).Select(Paragraph.Plain));
            }
            return (IReadOnlyList<TableCell>)[new TableCell(content), TableCell.Text(ExportText.Owners(b.Action))];
        }).ToList();
        blocks.Add(new Table("Items brought forward", ["Item brought forward", "Owner"], rows, [5, 1]));
    }

    private static void AddItem(List<Block> blocks, AgendaItemRow item, List<ActionRow> arising)
    {
        blocks.Add(new Heading(3, $"{item.Number} {item.Title}".Trim()));
        if (item.Deferred)
            blocks.Add(Paragraph.Italic("This item was deferred until the next meeting."));

        var questions = ExportText.Lines(item.Questions);
        if (questions.Count > 0)
        {
            blocks.Add(Paragraph.Label("Questions:"));
            blocks.AddRange(questions.Select(Paragraph.Italic));
        }

        var recordedInFindings = false;
        var findings = new List<Block>();
        var bullets = new List<string>();
        foreach (var line in ExportText.Lines(item.Findings))
        {
            if (ExportText.BulletText(line) is { } bullet)
            {
                bullets.Add(bullet);
                continue;
            }
            Flush(findings, bullets);
            switch (ExportText.ActionsArisingLine(line))
            {
                case "":
                    break; // "There were none": said below in the notes' own words
                case { } action:
                    recordedInFindings = true;
                    findings.Add(Paragraph.Labelled("Action arising:", action));
                    break;
                default:
                    findings.Add(Paragraph.Plain(line));
                    break;
            }
        }
        Flush(findings, bullets);
        if (findings.Count > 0)
        {
            if (questions.Count > 0)
                blocks.Add(Paragraph.Label("Findings:"));
            blocks.AddRange(findings);
        }

        if (arising.Count > 0)
        {
            blocks.Add(Paragraph.Label("Actions arising:"));
            blocks.Add(ArisingTable($"Actions arising from item {item.Number}", arising));
        }
        else if (!item.Deferred && questions.Count > 0 && !recordedInFindings)
        {
            blocks.Add(Paragraph.Label("Actions arising:"));
            blocks.Add(Paragraph.Plain(NoActionsArising));
        }
    }

    private static void Flush(List<Block> blocks, List<string> bullets)
    {
        if (bullets.Count == 0)
            return;
        blocks.Add(new BulletList([.. bullets]));
        bullets.Clear();
    }

    private static Table ArisingTable(string caption, IReadOnlyList<ActionRow> actions) =>
        new(caption, ["Action", "Owner"],
            actions.Select(a => (IReadOnlyList<TableCell>)[new TableCell(ActionParagraphs(a)), TableCell.Text(ExportText.Owners(a))]).ToList(),
            [5, 1]);

    private static List<Block> ActionParagraphs(ActionRow action)
    {
        var blocks = new List<Block> { new Paragraph([new Span(action.Reference, Bold: true), new Span(" " + action.Text)]) };
        var due = ExportText.Due(action);
        blocks.Add(Paragraph.Italic(ExportText.AsAgreed(action) is { } phrase ? $"Due: {due} — “{phrase}”" : $"Due: {due}"));
        return blocks;
    }

    private static string ItemSuffix(ActionRow action) =>
        action.ItemNumber is null ? "" : $", item {action.ItemNumber}";

    private static string NextMeeting(MeetingDetail detail, AgendaSectionRow? section)
    {
        if (detail.NextMeeting is { } next)
        {
            var when = $"{next.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture)} on {London.LongDate(next.Date)}";
            return string.IsNullOrWhiteSpace(next.Venue) ? when : $"{when}, {next.Venue}";
        }
        var written = section?.Items.Select(i => i.Findings).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f));
        return written?.Trim() ?? "To be confirmed.";
    }

    private static string SectionHeading(AgendaSectionRow section) =>
        string.IsNullOrWhiteSpace(section.Number) ? section.Title : $"{section.Number} {section.Title}";
}
