using System.Text;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Import.ActionLog;

namespace HoldingToAccount.Tests.Import.ActionLog;

/// <summary>Spreadsheets the action-log import cannot take: each gets a message saying why, and reading stops (no database is reached).</summary>
public sealed class BadActionLogInputTests
{
    private static string Refusal(string fileName, byte[] content) =>
        Assert.ThrowsAny<DomainException>(() => ActionLogReader.Read(fileName, content)).Message;

    [Fact]
    public void An_empty_file_is_refused() => Assert.Equal("'log.xlsx' is empty.", Refusal("log.xlsx", []));

    [Fact]
    public void A_binary_file_named_xlsx_is_refused_as_not_a_workbook()
    {
        var noise = new byte[4096];
        new Random(3).NextBytes(noise);
        Assert.Contains("is not a readable Excel workbook", Refusal("log.xlsx", noise), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_named_csv_is_refused_as_not_text()
    {
        var noise = new byte[4096];
        new Random(4).NextBytes(noise);
        Assert.Contains("does not look like a .csv file", Refusal("log.csv", noise), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_five_megabytes_is_refused() =>
        Assert.Equal("'log.csv' is 5.0 MB; action logs of up to 5 MB can be imported.", Refusal("log.csv", new byte[ActionLogReader.MaxBytes + 1]));

    [Fact]
    public void Merged_cells_inside_the_table_are_refused_with_where_they_are()
    {
        var log = LogWorkbook.Xlsx(new LogSheetSpec("Log",
        [
            ["Ref", "Action", "Owner"],
            ["2024/01", "Report on knife crime", "CC"],
            ["2024/02", "Report on road safety", null],
        ], Merged: ["C2:C3"]));

        var message = Refusal("log.xlsx", log);

        Assert.Contains("has merged cells inside the log on 'Log' (C2:C3)", message, StringComparison.Ordinal);
        Assert.Contains("Unmerge them", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_only_on_a_hidden_sheet_is_refused_saying_to_unhide_it()
    {
        var log = LogWorkbook.Xlsx(
            new LogSheetSpec("Cover", [["Action log – see the other sheet"]]),
            new LogSheetSpec("Log", [["Ref", "Action", "Owner"], ["2024/01", "Report on knife crime", "CC"]], Hidden: true));

        var message = Refusal("log.xlsx", log);

        Assert.Contains("has no action-log header row on the sheet 'Cover'", message, StringComparison.Ordinal);
        Assert.Contains("Hidden sheets are not read ('Log'): unhide the one that holds the log.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_without_a_header_row_says_what_a_log_needs()
    {
        var message = Refusal("notes.csv", Encoding.UTF8.GetBytes("Minutes of the meeting\nPresent: the PCC\n"));
        Assert.Contains("has no action-log header row in its first 20 rows", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_of_fifty_thousand_rows_is_refused_without_reading_it_all()
    {
        var csv = new StringBuilder("Ref,Action,Owner\n");
        for (var i = 1; i <= 50_000; i++)
            csv.Append("2024/").Append(i).Append(",Action ").Append(i).Append(",CC\n");

        var message = Refusal("big.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Contains("has more than 10,000 rows; at most 10,000 actions can be imported at once", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_of_fifty_thousand_rows_is_refused_too()
    {
        var rows = new List<IReadOnlyList<LogValue?>?> { new LogValue?[] { "Ref", "Action", "Owner" } };
        for (var i = 1; i <= 50_000; i++)
            rows.Add(new LogValue?[] { $"2024/{i}", $"Action {i}", "CC" });

        var message = Refusal("big.xlsx", LogWorkbook.Xlsx(new LogSheetSpec("Log", rows)));

        Assert.Contains("The log on 'Log' has more than 10,000 rows", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_logs_are_refused_with_a_message_or_read_never_anything_else()
    {
        var random = new Random(17);
        var originals = new (string Name, byte[] Content)[]
        {
            ("log.xlsx", ActionLogLayoutTests.RagColouredLog()),
            ("log.csv", ActionLogLayoutTests.CsvLogWithNames()),
        };
        for (var run = 0; run < 150; run++)
        {
            var (name, original) = originals[run % originals.Length];
            var damaged = original.ToArray();
            if (run % 3 == 0)
                damaged = damaged[..random.Next(1, damaged.Length)];
            for (var flips = random.Next(1, 12); flips > 0; flips--)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            try
            {
                var draft = ActionLogParser.Parse(ActionLogReader.Read(name, damaged));
                Assert.All(draft.Actions, a => Assert.True(a.Text.Length > 0 || a.Problems.Count > 0));
            }
            catch (DomainException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }
    }
}
