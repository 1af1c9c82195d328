using System.Globalization;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Reads the agenda items, the actions agreed under them and the date of the next meeting, one line at a time.
/// Actions come from explicit markers ("Action(s) arising", "Action:", a register reference, a deferred item), never
/// from sentences that merely mention actions; only notes that mark none have their task sentences read as actions.
/// </summary>
internal sealed partial class BodyReader(OwnerVocabulary owners)
{
    private readonly List<DraftItem> _items = [];
    private readonly List<PendingAction> _actions = [];
    private readonly List<NoteLine> _nextMeetingLines = [];
    private readonly List<NoteLine> _nextMeetingMentions = [];

    // Numbering: the last main section (4), its letter (a), the section number in force ("4a"), items under it.
    private int _main;
    private char? _letter;
    private string? _section;
    private string? _mainTitle;
    private int _subItems;
    private string? _item;
    private bool _capsSections;
    private string? _bareNumber;
    private DraftItem? _lastHeading;
    private NoteLine? _previousLine;
    private bool _inNextMeetingSection;
    private bool _unnumberedSections;

    // The "actions arising" block being read.
    private bool _inBlock;
    private bool _blockNumbered;
    private bool _tableBlock;

    /// <summary>The table's last column holds each action's update (and perhaps its status): "Update / status". Kept
    /// over the rows (each brought-forward reference starts a block of its own) until the next heading.</summary>
    private bool _updateColumn;
    private bool _singleAction;
    private char _blockMarker;
    private NoteLine? _leadIn;
    private readonly List<PendingAction> _block = [];

    public IReadOnlyList<DraftItem> Items => _items;

    public IReadOnlyList<PendingAction> Actions => _actions;

    /// <summary>Lines under a "Date of next meeting" heading.</summary>
    public IReadOnlyList<NoteLine> NextMeetingLines => _nextMeetingLines;

    /// <summary>Other lines that mention the next meeting ("The next meeting will be held on …").</summary>
    public IReadOnlyList<NoteLine> NextMeetingMentions => _nextMeetingMentions;

    public void Read(NoteLine line)
    {
        Dispatch(line);
        _previousLine = line;
    }

    private void Dispatch(NoteLine line)
    {
        if (_bareNumber is { } number)
        {
            _bareNumber = null;
            if (HeadingRecogniser.Recognise(line, afterBareNumber: true) is { Kind: HeadingKind.Unnumbered or HeadingKind.Section, TitleIsCaps: true } after)
            {
                StartSection(number, after.Title, after.Span, caps: true);
                return;
            }
        }

        // "• Action: ACC to …": a bullet before the marker does not hide it.
        var marked = TextRules.TryStripBullet(line, out var unbulleted) ? unbulleted : line;
        if (ActionLabelRegex().Match(marked.Text) is { Success: true } label)
        {
            CloseBlock();
            _inBlock = true;
            var rest = marked.From(label.Length);
            if (rest.Length > 0)
                ReadBlockLine(rest);
            return;
        }

        if (InlineActionRegex().Match(marked.Text) is { Success: true } inline)
        {
            CloseBlock();
            _inBlock = true;
            ReadBlockLine(marked.From(inline.Groups["rest"].Index));
            _singleAction = true;
            return;
        }

        if (TrailingActionRegex().Match(line.Text) is { Success: true } trailing
            && owners.MatchOwnerOnly(line.From(trailing.Groups["owners"].Index)) is { } trailingOwners)
        {
            // "The PCC asked for a report to the September meeting. ACTION: AB": the sentence is the action.
            CloseBlock();
            var action = StartAction(new NoteLine(line.Start, line.Text[..trailing.Index]).From(0));
            action.SetOwners(trailingOwners);
            CloseBlock();
            return;
        }

        if (owners.MatchOwnerOnly(line) is { } ownerLine && (_inBlock || _block.Count > 0))
        {
            var waiting = _block.Where(a => !a.HasOwners).ToList();
            foreach (var action in waiting.Count > 0 ? waiting : _block.TakeLast(1))
                action.SetOwners(ownerLine);
            return;
        }

        if (IsColumnHeadings(line))
        {
            // "No.  Action  Owner  Due": the rows below are actions, as under "Actions arising".
            CloseBlock();
            _inBlock = line.Cells().Any(c => c.Text.StartsWith("action", StringComparison.OrdinalIgnoreCase));
            _tableBlock = _inBlock;
            _updateColumn = _inBlock && UpdateHeadingRegex().IsMatch(line.Cells()[^1].Text);
            return;
        }

        var numberedInBlock = _inBlock && TextRules.TryStripNumber(line, out var listNumber, out _)
            && (_blockNumbered ? Marker(line) == _blockMarker : _block.Count == 0 && listNumber == 1);
        var tableRow = _tableBlock && NumberedRow(line) is not null;
        if (!numberedInBlock && !tableRow && HeadingRecogniser.Recognise(line) is { } heading && ReadHeading(heading))
        {
            CloseBlock();
            _updateColumn = false; // a table's columns end with its section
            return;
        }

        if (DeferredRegex().IsMatch(line.Text) && _item is not null)
        {
            CloseBlock();
            var deferred = new PendingAction(_item, IsBroughtForwardSection()) { Status = DraftActionStatus.Deferred };
            deferred.Lines.Add(line);
            _actions.Add(deferred);
            var index = _items.FindLastIndex(i => i.Number == _item);
            if (index >= 0)
                _items[index] = _items[index] with { Deferred = true };
            return;
        }

        if (ReferenceRegex().Match(line.Text) is { Success: true } reference)
        {
            CloseBlock();
            _inBlock = true;
            var action = StartAction(line.From(reference.Groups["rest"].Index));
            action.BroughtForward = true;
            return;
        }

        if (DatedUpdateRegex().Match(line.Text) is { Success: true } update)
        {
            ReadUpdate(line, update);
            return;
        }

        if (TextUpdateRegex().Match(line.Text) is { Success: true } textUpdate)
        {
            ReadTextUpdate(line, textUpdate);
            return;
        }

        if (LabelRegex().IsMatch(line.Text))
        {
            CloseBlock();
            return;
        }

        if (_inBlock)
        {
            ReadBlockLine(line);
            return;
        }

        if (_inNextMeetingSection)
            _nextMeetingLines.Add(line);
        else if (TextRules.MentionsNextMeeting(line.Text))
            _nextMeetingMentions.Add(line);
        else
            NoteUnlabelledTasks(line);
    }

    /// <summary>Starts a section or item for a recognised heading; false when the shape does not fit where it stands.</summary>
    private bool ReadHeading(Heading heading)
    {
        switch (heading.Kind)
        {
            case HeadingKind.BareNumber:
                _bareNumber = heading.Number;
                return true;
            case HeadingKind.Section when !heading.NumberTrails || IsExpected(heading.Number!):
                StartSection(heading.Number!, heading.Title, heading.Span, heading.TitleIsCaps);
                return true;
            case HeadingKind.Section or HeadingKind.Unnumbered:
                if (_lastHeading is { } last && _previousLine is { } previous && previous.Start + previous.Length >= last.Span.End
                    && HeadingRecogniser.ContinuesOnNextLine(last.Title))
                {
                    var index = _items.Count - 1;
                    _items[index] = last with { Title = last.Title + " " + heading.Title, Span = SourceSpan.Between(last.Span.Start, heading.Span.End) };
                    _lastHeading = _items[index];
                    return true;
                }
                if (_section is null && heading is { Kind: HeadingKind.Unnumbered, TitleIsCaps: true })
                {
                    // Notes whose headings carry no numbers: the items are numbered in the order they come.
                    StartSection((_main + 1).ToString(CultureInfo.InvariantCulture), heading.Title, heading.Span, caps: true);
                    _unnumberedSections = true;
                    return true;
                }
                if (_section is null)
                    return false;
                if (_unnumberedSections && heading.Kind == HeadingKind.Unnumbered)
                {
                    StartSection((_main + 1).ToString(CultureInfo.InvariantCulture), heading.Title, heading.Span, caps: true);
                    return true;
                }
                AddItem($"{_section}.{++_subItems}", heading.Title, heading.Span);
                return true;
            case HeadingKind.Numbered:
                var n = int.Parse(heading.Number!, CultureInfo.InvariantCulture);
                // After sections in capitals, "1) …" numbers an item of the section; the next section's number is
                // a new section when it does not also continue the items ("3 HMICFRS PEEL" then "4 Date of next meeting").
                if ((!_capsSections && (_section is null || n == _main + 1)) || (_capsSections && n == _main + 1 && n != _subItems + 1))
                {
                    StartSection(heading.Number!, heading.Title, heading.Span, caps: false);
                    return true;
                }
                if (_section is null)
                    return false;
                _subItems = n;
                AddItem($"{_section}.{n}", heading.Title, heading.Span);
                return true;
            default:
                return false;
        }
    }

    private bool IsExpected(string number)
    {
        var (main, letter) = SplitNumber(number);
        return letter is null ? main == _main + 1 : main == _main && letter == (_letter is { } l ? (char)(l + 1) : 'a');
    }

    private void StartSection(string number, string title, SourceSpan span, bool caps)
    {
        var (main, letter) = SplitNumber(number);
        if (letter is null || main != _main)
        {
            _mainTitle = title;
            _letter = null;
        }
        _main = main;
        _letter = letter;
        _section = number;
        _subItems = 0;
        _capsSections |= caps;
        _inNextMeetingSection = SectionPurposes.FromTitle(title) == SectionPurpose.NextMeeting;
        AddItem(number, title, span);
    }

    private void AddItem(string number, string title, SourceSpan span)
    {
        CloseBlock();
        var item = new DraftItem(number, title, false, span, CurrentPurpose());
        _items.Add(item);
        _item = number;
        _lastHeading = item;
    }

    private static (int Main, char? Letter) SplitNumber(string number)
    {
        var letter = char.IsAsciiLetter(number[^1]) ? char.ToLowerInvariant(number[^1]) : (char?)null;
        var digits = letter is null ? number : number[..^1];
        return (int.Parse(digits, CultureInfo.InvariantCulture), letter);
    }

    private void ReadBlockLine(NoteLine line)
    {
        if (TextRules.SaysNone(line.Text))
        {
            CloseBlock();
            return;
        }
        if (owners.MatchOwnerOnly(line) is { } ownerLine)
        {
            foreach (var waiting in _block.Where(a => !a.HasOwners))
                waiting.SetOwners(ownerLine);
            return;
        }

        var bulleted = TextRules.TryStripBullet(line, out var content);
        if (!bulleted && NumberedRow(line) is { } rest)
            (bulleted, content) = (true, rest); // "1<tab>Publish the report<tab>CC<tab>by 30 November 2017"
        if (!bulleted && TextRules.TryStripNumber(line, out _, out var numbered))
        {
            bulleted = true;
            content = numbered;
            if (!_blockNumbered)
                _blockMarker = Marker(line);
            _blockNumbered = true;
        }

        // A row of a table (text, owner, due in columns) is one action, whether or not its text ends a sentence.
        if (!bulleted && content.Cells().Count >= 2)
            bulleted = true;
        var current = _block.Count > 0 ? _block[^1] : null;
        if (_singleAction && current is { EndsSentence: true })
        {
            CloseBlock(); // "Action: …" marks one action; the sentences after it are minutes again
            return;
        }
        if (!bulleted && current is not null && !current.EndsSentence && current.Lines.Count < 12)
        {
            AppendTo(current, content);
            return;
        }
        if (!bulleted && content.Text.EndsWith(':') && (current is null || _leadIn is not null))
        {
            _leadIn = content;
            return;
        }
        if (bulleted || current is null || owners.MatchSubject(content) is not null
            || DuePhraseParser.Parse(content.Text, new DateOnly(2000, 1, 1)).Kind != DueTargetKind.Unrecognised)
        {
            StartAction(content);
            return;
        }
        CloseBlock(); // ordinary prose after the actions: the block is over
    }

    /// <summary>The character after a list number: '.' in "1. text", ')' in "1) text".</summary>
    private static char Marker(NoteLine line)
    {
        var i = 0;
        while (i < line.Text.Length && char.IsAsciiDigit(line.Text[i]))
            i++;
        return i < line.Text.Length ? line.Text[i] : ' ';
    }

    private PendingAction StartAction(NoteLine line)
    {
        var action = new PendingAction(_item, IsBroughtForwardSection()) { LeadIn = _leadIn };
        _block.Add(action);
        _actions.Add(action);
        AppendTo(action, line);
        if (!action.HasOwners && owners.MatchSubject(action.Lines[0]) is { } subject)
            action.SetOwners(subject);
        return action;
    }

    /// <summary>
    /// Adds a line to an action. Owners written in a column of their own ("…July 2017.\tCC", "Report…\tCC\tto the March
    /// meeting") or in closing brackets ("… by 31 January 2018 (ACC)") are taken off the text as its owners.
    /// </summary>
    private void AppendTo(PendingAction action, NoteLine line)
    {
        var cells = line.Cells();
        var parts = new List<NoteLine> { line };
        for (var i = 1; i < cells.Count; i++)
        {
            if (owners.MatchOwnerOnly(cells[i]) is not { } column)
                continue;
            action.SetOwners(column);
            var cellStart = cells[i].Start - line.Start;
            var cellEnd = cellStart + cells[i].Length;
            parts = [new NoteLine(line.Start, line.Text[..cellStart]).From(0), new NoteLine(line.Start, line.Text).From(cellEnd)];
            break;
        }
        if (_updateColumn && cells.Count >= 2 && parts.Count == 2 && parts[1] is { Length: > 0 } updateCell)
        {
            // "…<tab>DCC<tab>Options paper to go to the Executive Board first. Status: Ongoing": the cell after the owner
            // is the update, its status (if written) at its end.
            ReadUpdateCell(action, updateCell);
            parts.RemoveAt(1);
        }
        else if (cells.Count >= 2 && parts[^1] is { Length: > 0 } tail && StatusCellRegex().Match(tail.Text) is { Success: true } status)
        {
            // "2017/31<tab>DCC to report on vetting backlog<tab>Complete": the status column.
            action.Status = status.Groups["open"].Success ? DraftActionStatus.Open : DraftActionStatus.Closed;
            parts[^1] = new NoteLine(tail.Start, tail.Text[..status.Index]).From(0);
        }
        if (parts[^1] is { Length: > 0 } last && owners.MatchTrailing(last) is var (bracketed, cut))
        {
            action.SetOwners(bracketed);
            parts[^1] = new NoteLine(last.Start, last.Text[..cut]).From(0);
        }
        foreach (var part in parts)
        {
            if (CompletedRegex().IsMatch(part.Text))
                action.Status = DraftActionStatus.Closed;
            if (part.Length > 0)
                action.Lines.Add(part);
        }
    }

    private static void ReadUpdateCell(PendingAction action, NoteLine cell)
    {
        var text = cell.Text;
        if (UpdateStatusRegex().Match(text) is { Success: true } status)
        {
            action.Status = status.Groups["open"].Success ? DraftActionStatus.Open : DraftActionStatus.Closed;
            text = text[..status.Index];
        }
        var date = DateTimeText.FindDate(text) is { Start: 0 } dated ? (DateTimeText.Found<DateOnly>?)dated : null;
        var words = TextRules.Squash(date is { } d ? text[(d.Start + d.Length)..] : text).Trim(' ', '-', '–', ':', ';', ',');
        if (TextRules.LetterCount(words) > 0)
            action.Updates.Add(new DraftUpdate(date?.Value, words, cell.Span));
    }

    /// <summary>A table row whose first column is only its number ("1", "2."): the row from its second column on.</summary>
    private static NoteLine? NumberedRow(NoteLine line)
    {
        var cells = line.Cells();
        return cells.Count >= 2 && RowNumberRegex().IsMatch(cells[0].Text) ? line.From(cells[1].Start - line.Start) : null;
    }

    /// <summary>A row of column headings: every cell is a word such as Action, Owner, Lead, Due, Deadline, Status.</summary>
    private static bool IsColumnHeadings(NoteLine line)
    {
        var cells = line.Cells();
        return cells.Count >= 2 && cells.All(c => ColumnHeadingRegex().IsMatch(c.Text));
    }

    /// <summary>The action an update line is about: the one being read, else the last of this item, else the item itself.</summary>
    private PendingAction? UpdatedAction()
    {
        var action = _block.Count > 0 ? _block[^1] : _actions.LastOrDefault(a => a.ItemNumber == _item && a.Status != DraftActionStatus.Deferred);
        if (action is null)
        {
            // An update under an item with no action of its own: the item is the action brought forward.
            var item = _items.LastOrDefault(i => i.Number == _item);
            if (item is null)
                return null;
            action = new PendingAction(_item, broughtForward: true);
            action.Lines.Add(new NoteLine(item.Span.Start, item.Title));
            _actions.Add(action);
            _block.Add(action);
        }
        action.BroughtForward = true;
        return action;
    }

    /// <summary>"Update: The new system goes live in July." — an update with no date of its own, and no change of status.</summary>
    private void ReadTextUpdate(NoteLine line, Match update)
    {
        if (UpdatedAction() is { } action)
            action.Updates.Add(new DraftUpdate(null, TextRules.Squash(update.Groups["text"].Value), line.Span));
        CloseBlock();
    }

    private void ReadUpdate(NoteLine line, Match update)
    {
        if (UpdatedAction() is not { } action)
            return;
        var date = DateTimeText.FindDate(update.Groups["date"].Value)?.Value;
        action.Updates.Add(new DraftUpdate(date, TextRules.Squash(update.Groups["text"].Value), line.Span));
        var status = update.Groups["status"].Value.ToLowerInvariant();
        action.Status = status.StartsWith("complete", StringComparison.Ordinal) || status.StartsWith("closed", StringComparison.Ordinal)
            || status.StartsWith("discharged", StringComparison.Ordinal)
            ? DraftActionStatus.Closed
            : DraftActionStatus.Open;
        _inBlock = true;
    }

    private bool IsBroughtForwardSection() => _mainTitle is { } title && SectionPurposes.FromTitle(title) == SectionPurpose.BroughtForward;

    /// <summary>What the section being read is for, as its heading says.</summary>
    private SectionPurpose CurrentPurpose() =>
        IsBroughtForwardSection() ? SectionPurpose.BroughtForward
        : _inNextMeetingSection ? SectionPurpose.NextMeeting
        : SectionPurpose.Business;

    private void CloseBlock()
    {
        _inBlock = false;
        _tableBlock = false;
        _singleAction = false;
        _blockNumbered = false;
        _leadIn = null;
        _block.Clear();
    }
}
