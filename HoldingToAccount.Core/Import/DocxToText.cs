using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Reads the body of a Word document as text with the OpenXML SDK's streaming reader: paragraphs become lines, table
/// cells tabs, list paragraphs get a bullet, and a paragraph in a heading style is marked as one
/// (<see cref="NotesText.HeadingMark"/>) however it is written. It streams, so deep nesting cannot overflow it; archives that would unpack
/// to more than <see cref="MaxUnpackedBytes"/> are refused before they are opened.
/// </summary>
public static class DocxToText
{
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;
    private const int _maxDepth = 400;

    public static string Read(string fileName, byte[] content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
            throw NotWord(fileName, "it is not a Word (.docx) package");
        try
        {
            CheckArchive(fileName, content);
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart ?? throw NotWord(fileName, "it has no main document part");
            return ReadBody(fileName, body, HeadingStyles(body));
        }
        catch (DomainException)
        {
            throw;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException
            or InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            throw NotWord(fileName, "the package is damaged or incomplete");
        }
    }

    private static void CheckArchive(string fileName, byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > MaxUnpackedBytes)
                throw new DomainException($"'{fileName}' unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB; it cannot be imported.");
        }
    }

    /// <summary>
    /// The ids of the paragraph styles that make a heading: Word's "heading 1"–"heading 9" (whatever the document's
    /// language calls their ids), any style with an outline level, and styles based on those.
    /// </summary>
    private static HashSet<string> HeadingStyles(MainDocumentPart part)
    {
        var styles = part.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null && (s.Type is null || s.Type.Value == StyleValues.Paragraph))
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
        bool IsHeading(Style style, int depth) =>
            HeadingName(style.StyleName?.Val?.Value) || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9
            || depth < 10 && style.BasedOn?.Val?.Value is { } parent && styles.TryGetValue(parent, out var basedOn) && IsHeading(basedOn, depth + 1);
        var ids = styles.Values.Where(s => IsHeading(s, 0)).Select(s => s.StyleId!.Value!).ToHashSet(StringComparer.Ordinal);
        // Without a styles part (some generators write none) the ids are all there is.
        if (styles.Count == 0)
            ids.UnionWith(Enumerable.Range(1, 9).Select(n => $"Heading{n}"));
        return ids;
    }

    private static bool HeadingName(string? name) =>
        name is not null && name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && name.Length == 9 && char.IsAsciiDigit(name[^1]);

    private static string ReadBody(string fileName, MainDocumentPart part, HashSet<string> headingStyles)
    {
        var text = new StringBuilder();
        var tables = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.Depth > _maxDepth)
                throw new DomainException($"'{fileName}' nests its content more than {_maxDepth} deep; it cannot be imported.");
            var type = reader.ElementType;
            if (type == typeof(Table))
                tables += reader.IsStartElement ? 1 : reader.IsEndElement ? -1 : 0;
            if (reader.IsStartElement)
            {
                // The paragraph's properties come before its text, so the mark lands at the start of its line.
                if (type == typeof(ParagraphStyleId) && tables == 0
                    && reader.Attributes.FirstOrDefault(a => a.LocalName == "val").Value is { } style && headingStyles.Contains(style))
                    text.Append(NotesText.HeadingMark);
                else if (type == typeof(Text))
                    text.Append(reader.GetText());
                else if (type == typeof(TabChar))
                    text.Append('\t');
                else if (type == typeof(Break) || type == typeof(CarriageReturn))
                    text.Append('\n');
                else if (type == typeof(NumberingProperties))
                    text.Append("• ");
            }
            else if (reader.IsEndElement)
            {
                if (type == typeof(Paragraph))
                    text.Append('\n');
                else if (type == typeof(TableCell))
                {
                    // A cell's last paragraph ends the cell, not a line: the row stays one line of columns.
                    if (text.Length > 0 && text[^1] == '\n')
                        text.Length--;
                    text.Append('\t');
                }
                else if (type == typeof(TableRow))
                    text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static DomainException NotWord(string fileName, string why) =>
        new($"'{fileName}' cannot be read as a Word document: {why}.");
}
