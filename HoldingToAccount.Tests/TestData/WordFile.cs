using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HoldingToAccount.Tests.TestData;

/// <summary>
/// Word documents in tests: built from paragraphs and tables (<see cref="Build"/>, for the notes importer), or a
/// generated .docx opened again with the OpenXML SDK, with the look-ups the tests need.
/// </summary>
public sealed class WordFile : IDisposable
{
    /// <summary>A .docx whose body is <paramref name="content"/> (see <see cref="Para"/>, <see cref="ListPara"/>, <see cref="WordTable"/>).</summary>
    public static byte[] Build(params OpenXmlElement[] content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(content));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A .docx as Word saves one: <paramref name="content"/> with a styles part naming Word's heading styles
    /// ("heading 1"–"heading 3", ids as a German Word writes them: "berschrift1"…) and an office's own item style based on
    /// heading 2 ("AgendaItem").</summary>
    public static byte[] BuildStyled(params OpenXmlElement[] content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal" },
                new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "berschrift1" },
                new Style(new StyleName { Val = "heading 2" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "berschrift2" },
                new Style(new StyleName { Val = "Agenda item" }, new BasedOn { Val = "berschrift2" }) { Type = StyleValues.Paragraph, StyleId = "AgendaItem" });
            styles.Styles.Save();
            main.Document = new Document(new Body(content));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static Paragraph Para(string text) => new(new Run(new Text(text)));

    /// <summary>A paragraph in the paragraph style <paramref name="styleId"/>.</summary>
    public static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text)));

    /// <summary>A paragraph of a numbered or bulleted list, as Word writes one.</summary>
    public static Paragraph ListPara(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new Text(text)));

    /// <summary>A table of one-paragraph cells.</summary>
    public static Table WordTable(params string[][] rows) =>
        new(rows.Select(r => new TableRow(r.Select(c => new TableCell(Para(c))))));

    private readonly MemoryStream _bytes;

    public WordFile(byte[] bytes)
    {
        _bytes = new MemoryStream(bytes);
        Document = WordprocessingDocument.Open(_bytes, false);
    }

    public WordprocessingDocument Document { get; }
    public Body Body => Document.MainDocumentPart!.Document.Body!;

    /// <summary>The body's top-level paragraphs and tables, in order.</summary>
    public IReadOnlyList<OpenXmlElement> Blocks => Body.ChildElements.Where(e => e is Paragraph or Table).ToList();

    public static string StyleOf(OpenXmlElement element) =>
        (element as Paragraph)?.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    public static string TextOf(OpenXmlElement element) =>
        element is Table ? string.Join(" | ", element.Descendants<Paragraph>().Select(p => p.InnerText)) : element.InnerText;

    public IReadOnlyList<Paragraph> Headings(string style) =>
        Body.Elements<Paragraph>().Where(p => StyleOf(p) == style).ToList();

    /// <summary>The blocks after the heading whose text starts with <paramref name="headingStart"/>, up to the next heading.</summary>
    public IReadOnlyList<OpenXmlElement> Under(string headingStart)
    {
        var blocks = Blocks;
        var start = blocks.ToList().FindIndex(b => StyleOf(b).StartsWith("Heading", StringComparison.Ordinal)
            && b.InnerText.StartsWith(headingStart, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no heading starting '{headingStart}'");
        return blocks.Skip(start + 1).TakeWhile(b => !StyleOf(b).StartsWith("Heading", StringComparison.Ordinal)).ToList();
    }

    public Table TableCaptioned(string caption) =>
        Body.Descendants<Table>().Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value == caption);

    public static IReadOnlyList<IReadOnlyList<string>> Cells(Table table) =>
        table.Elements<TableRow>().Select(r => (IReadOnlyList<string>)r.Elements<TableCell>()
            .Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList()).ToList();

    public static bool IsHeaderRow(TableRow row) => row.TableRowProperties?.GetFirstChild<TableHeader>() is not null;

    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose()
    {
        Document.Dispose();
        _bytes.Dispose();
    }
}
