using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>One non-blank line of the normalised text, trimmed; <see cref="Start"/> is its offset in that text.</summary>
public sealed record NoteLine(int Start, string Text)
{
    /// <summary>The document styles the line as a heading (a Word heading style), whatever its words look like.</summary>
    public bool Styled { get; init; }

    public int Length => Text.Length;

    public SourceSpan Span => new(Start, Text.Length);

    /// <summary>The tab-separated columns of the line, trimmed, empty ones left out.</summary>
    public IReadOnlyList<NoteLine> Cells()
    {
        var cells = new List<NoteLine>();
        var from = 0;
        while (from <= Text.Length)
        {
            var tab = Text.IndexOf('\t', from);
            var to = tab < 0 ? Text.Length : tab;
            var cell = Text[from..to];
            var trimmedStart = cell.Length - cell.TrimStart().Length;
            var trimmed = cell.Trim();
            if (trimmed.Length > 0)
                cells.Add(new NoteLine(Start + from + trimmedStart, trimmed));
            if (tab < 0)
                break;
            from = tab + 1;
        }
        return cells;
    }

    /// <summary>The part of the line from <paramref name="offset"/> on, trimmed, with its own start.</summary>
    public NoteLine From(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var rest = Text[offset..];
        var lead = rest.Length - rest.TrimStart().Length;
        return new NoteLine(Start + offset + lead, rest.Trim());
    }
}

/// <summary>
/// The notes as one normalised text (line breaks as \n, odd spaces folded, invisible characters dropped) and its
/// non-blank lines. Every span in a draft points into <see cref="Text"/>.
/// </summary>
public sealed partial class NotesText
{
    private const int _longLine = 200;

    /// <summary>Written by a reader (a private-use character no text carries) where the document marks a line as a
    /// heading; taken out of <see cref="Text"/>, kept as <see cref="NoteLine.Styled"/>.</summary>
    public const char HeadingMark = '\uE0E1';

    public NotesText(string raw)
    {
        var marks = new HashSet<int>();
        Text = Normalise(raw, marks);
        Lines = SplitLines(Text, marks);
    }

    public string Text { get; }

    public IReadOnlyList<NoteLine> Lines { get; }

    private static string Normalise(string raw, HashSet<int> marks)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == HeadingMark)
            {
                marks.Add(builder.Length);
                continue;
            }
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                    i++;
                continue;
            }
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Format:
                    continue; // zero-width characters, soft hyphens, byte-order marks
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    builder.Append('\n');
                    continue;
                case UnicodeCategory.SpaceSeparator:
                    builder.Append(' ');
                    continue;
                case UnicodeCategory.Control when c is '\f' or '\v':
                    builder.Append('\n');
                    continue;
                case UnicodeCategory.Control when c is not ('\t' or '\n'):
                    builder.Append(' ');
                    continue;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static List<NoteLine> SplitLines(string text, HashSet<int> marks)
    {
        var lines = new List<NoteLine>();
        var from = 0;
        while (from <= text.Length)
        {
            var newline = text.IndexOf('\n', from);
            var to = newline < 0 ? text.Length : newline;
            var line = new NoteLine(from, text[from..to]).From(0) with { Styled = marks.Contains(from) };
            if (line.Length > 0)
            {
                if (line.Length > _longLine)
                    lines.AddRange(SplitMergedLine(line));
                else
                    lines.Add(line);
            }
            if (newline < 0)
                break;
            from = newline + 1;
        }
        return lines;
    }

    /// <summary>
    /// Extraction sometimes runs a whole section into one line ("2. OPERATIONAL ... RISKS 1. ... CHIEF OFFICER MEETING
    /// ... 3. ... 4a 1) Building ..."). Split such a line before each run of capital-letter words and each "1)" marker so
    /// the headings inside it can be found.
    /// </summary>
    private static IEnumerable<NoteLine> SplitMergedLine(NoteLine line)
    {
        var cuts = new SortedSet<int>();
        foreach (Match run in MergedCapsRunRegex().Matches(line.Text))
        {
            if (run.Index > 0 && TextRules.LetterCount(run.Value) >= 12 && !ContinuesCapitals(line.Text, run.Index))
                cuts.Add(run.Index);
        }
        foreach (Match marker in MergedSubItemRegex().Matches(line.Text))
        {
            if (marker.Index > 0)
                cuts.Add(marker.Index);
        }
        var start = 0;
        foreach (var cut in cuts.Append(line.Text.Length))
        {
            var part = new NoteLine(line.Start + start, line.Text[start..cut]).From(0);
            if (part.Length > 0)
                yield return part;
            start = cut;
        }
    }

    /// <summary>
    /// The word before <paramref name="index"/> is in capitals or a bare number ("POLICE &amp; CRIME …", "LEVEL 1 MEETING",
    /// "2018 COMMENCING"): the run goes on from it, so a heading cannot start here.
    /// </summary>
    private static bool ContinuesCapitals(string text, int index)
    {
        var end = index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            end--;
        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            start--;
        var word = text[start..end];
        return word.Length > 0 && !word.Any(char.IsLower) && !word.EndsWith('.') && !word.EndsWith(')') && (word.Any(char.IsLetter) || word.All(c => char.IsAsciiDigit(c)) || word is "&" or "/" or "–" or "-");
    }

    // Atomic tokens: a long run-on line in capitals must not make the engine try every way of cutting each word.
    [GeneratedRegex(@"(?<=\s)(?>[A-Z][A-Z'’&()\-–,:]+)(?:(?>[ \t]+)(?>[A-Z][A-Z'’&()\-–,:]+|[/&–\-])(?=[ \t]|$)){2,}", RegexOptions.CultureInvariant, TextRules.RegexTimeoutMs)]
    private static partial Regex MergedCapsRunRegex();

    [GeneratedRegex(@"(?<=\s)[1-9][0-9]?\)[ \t]+(?=[A-Z])", RegexOptions.CultureInvariant, TextRules.RegexTimeoutMs)]
    private static partial Regex MergedSubItemRegex();
}
