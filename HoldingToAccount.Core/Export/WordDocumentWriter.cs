using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace HoldingToAccount.Core.Export;

/// <summary>
/// Writes <see cref="Block"/>s as a .docx with the OpenXML SDK, made to be read by everyone: real heading styles
/// (Heading1–3, with outline levels, so navigation panes and screen readers see the structure), real bulleted lists,
/// tables whose first row is marked as a header row and carries a caption, and the document's title and language
/// (en-GB) set in its properties and defaults.
/// </summary>
public static class WordDocumentWriter
{
    public const string Language = "en-GB";
    private const int _pageShort = 11906; // A4 in twentieths of a point
    private const int _pageLong = 16838;
    private const int _margin = 1134; // 2 cm
    private const int _bulletNumberingId = 1;

    public static void Write(IReadOnlyList<Block> blocks, DocumentInfo info, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = info.Title;
        document.PackageProperties.Subject = info.Subject;
        document.PackageProperties.Language = Language;
        document.PackageProperties.Creator = "HoldingToAccount";

        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = BulletNumbering();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new ThemeFontLanguages { Val = Language });

        var textWidth = (info.Landscape ? _pageLong : _pageShort) - 2 * _margin;
        var body = new Body();
        foreach (var block in blocks)
            foreach (var element in Render(block, textWidth))
                body.Append(element);
        body.Append(new SectionProperties(
            info.Landscape
                ? new PageSize { Width = _pageLong, Height = _pageShort, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = _pageShort, Height = _pageLong },
            new PageMargin { Top = _margin, Bottom = _margin, Left = _margin, Right = _margin, Header = 708, Footer = 708, Gutter = 0 }));
        main.Document = new Document(body);
    }

    private static IEnumerable<OpenXmlElement> Render(Block block, int width) => block switch
    {
        Heading h => [StyledParagraph($"Heading{Math.Clamp(h.Level, 1, 3)}", [new Span(h.Text)])],
        Paragraph p => [StyledParagraph(null, p.Spans)],
        BulletList list => list.Items.Select(Bullet),
        Table table => [TableOf(table, width), new W.Paragraph()],
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown block."),
    };

    private static W.Paragraph StyledParagraph(string? style, IReadOnlyList<Span> spans)
    {
        var paragraph = new W.Paragraph();
        if (style is not null)
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        foreach (var span in spans)
            paragraph.Append(RunOf(span));
        return paragraph;
    }

    private static W.Paragraph Bullet(string text) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = _bulletNumberingId })),
        RunOf(new Span(text)));

    private static Run RunOf(Span span)
    {
        var run = new Run();
        if (span.Bold || span.Italic)
        {
            var properties = new RunProperties();
            if (span.Bold)
                properties.Append(new Bold());
            if (span.Italic)
                properties.Append(new Italic());
            run.Append(properties);
        }
        run.Append(new Text(ExportText.XmlSafe(span.Text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static W.Table TableOf(Table table, int width)
    {
        var total = table.Weights.Sum();
        var widths = table.Weights.Select(w => width * w / total).ToList();
        var result = new W.Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true },
                new TableCaption { Val = ExportText.XmlSafe(table.Caption) },
                new TableDescription { Val = ExportText.XmlSafe(table.Caption) }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < table.Headers.Count; i++)
            header.Append(CellOf([new W.Paragraph(RunOf(new Span(table.Headers[i], Bold: true)))], widths[i], shaded: true));
        result.Append(header);

        foreach (var row in table.Rows)
        {
            var tableRow = new TableRow();
            for (var i = 0; i < row.Count; i++)
            {
                var content = row[i].Content.SelectMany(b => Render(b, widths[i])).ToList();
                tableRow.Append(CellOf(content.Count == 0 ? [new W.Paragraph()] : content, widths[i], shaded: false));
            }
            result.Append(tableRow);
        }
        return result;
    }

    private static W.TableCell CellOf(IReadOnlyList<OpenXmlElement> content, int width, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" });
        var cell = new W.TableCell(properties);
        foreach (var element in content)
            cell.Append(element);
        return cell;
    }

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = Language, EastAsia = Language, Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle())
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

        foreach (var (level, size, before) in new[] { (1, "32", "240"), (2, "28", "240"), (3, "24", "160") })
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new UIPriority { Val = 9 },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new KeepNext(),
                    new KeepLines(),
                    new SpacingBetweenLines { Before = before, After = "120" },
                    new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(
                    new Bold(),
                    new BoldComplexScript(),
                    new Color { Val = "1F3864" },
                    new FontSize { Val = size },
                    new FontSizeComplexScript { Val = size }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }

        styles.Append(new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new UIPriority { Val = 34 },
            new PrimaryStyle(),
            new StyleParagraphProperties(new Indentation { Left = "720" }))
        { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });

        var border = () => new[]
        {
            (OpenXmlElement)new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
        };
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableBorders(border()),
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });

        styles.Append(new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        return styles;
    }

    private static Numbering BulletNumbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.HybridMultilevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 0 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = _bulletNumberingId });
}
