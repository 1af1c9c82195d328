using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HoldingToAccount.Tests.Import.ActionLog;

/// <summary>A value for a cell of a test log: text, a number (an Excel date when <see cref="Date"/>), a fill colour, a formula.</summary>
public sealed record LogValue(string? Text = null, double? Number = null, bool Date = false, string? Fill = null, string? Formula = null)
{
    public static implicit operator LogValue(string text) => new(text);

    public static LogValue Serial(DateOnly date, bool formatted = true) => new(Number: date.ToDateTime(TimeOnly.MinValue).ToOADate(), Date: formatted);

    public static LogValue Filled(string rgb, string? text = null) => new(text, Fill: rgb);
}

/// <summary>A sheet of a test workbook: rows from row 1 (null for an empty row), merged ranges, hidden or not.</summary>
public sealed record LogSheetSpec(string Name, IReadOnlyList<IReadOnlyList<LogValue?>?> Rows, IReadOnlyList<string>? Merged = null, bool Hidden = false);

/// <summary>Writes .xlsx logs as an office's Excel would hold them: shared strings, date styles, solid fills, merges.</summary>
public static class LogWorkbook
{
    public static byte[] Xlsx(params LogSheetSpec[] sheets)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var fills = sheets.SelectMany(s => s.Rows).Where(r => r is not null).SelectMany(r => r!).Select(v => v?.Fill).OfType<string>().Distinct().ToList();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(fills);
            var shared = new List<string>();
            var sheetList = new Sheets();
            uint id = 1;
            foreach (var spec in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < spec.Rows.Count; r++)
                {
                    if (spec.Rows[r] is not { } values)
                        continue;
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < values.Count; c++)
                    {
                        if (values[c] is { } value)
                            row.Append(Cell(value, $"{(char)('A' + c)}{r + 1}", shared, fills));
                    }
                    data.Append(row);
                }
                var worksheet = new Worksheet(data);
                if (spec.Merged is { Count: > 0 } merged)
                    worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })));
                part.Worksheet = worksheet;
                var sheet = new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = spec.Name };
                if (spec.Hidden)
                    sheet.State = SheetStateValues.Hidden;
                sheetList.Append(sheet);
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook = new Workbook(sheetList);
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(string sheet, params IReadOnlyList<LogValue?>?[] rows) => Xlsx(new LogSheetSpec(sheet, rows));

    private static Cell Cell(LogValue value, string reference, List<string> shared, List<string> fills)
    {
        var cell = new Cell { CellReference = reference };
        if (value.Number is { } number)
            cell.CellValue = new CellValue(number);
        else if (value.Text is { } text)
        {
            var index = shared.IndexOf(text);
            if (index < 0)
            {
                shared.Add(text);
                index = shared.Count - 1;
            }
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue(index);
        }
        if (value.Formula is { } formula)
            cell.CellFormula = new CellFormula(formula.TrimStart('='));
        // Styles: 0 plain, 1 date, then one per fill colour.
        if (value.Fill is { } fill)
            cell.StyleIndex = (uint)(2 + fills.IndexOf(fill));
        else if (value.Date)
            cell.StyleIndex = 1;
        return cell;
    }

    private static Stylesheet Styles(List<string> fills) => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 })) { Count = 1 },
        new Fills(new[]
            {
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            }
            .Concat(fills.Select(f => new Fill(new PatternFill(new ForegroundColor { Rgb = "FF" + f }) { PatternType = PatternValues.Solid }))))
        { Count = (uint)(2 + fills.Count) },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new[]
            {
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            }
            .Concat(fills.Select((_, i) => new CellFormat { FillId = (uint)(2 + i), ApplyFill = true })))
        { Count = (uint)(2 + fills.Count) });
}
