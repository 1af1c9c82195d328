using System.Text;
using System.Text.Json;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Import.ActionLog;

namespace HoldingToAccount.Tests.Import.ActionLog;

/// <summary>Action logs in the layouts offices keep them in, read into drafts (nothing touches a database here).</summary>
public sealed class ActionLogLayoutTests
{
    private static ActionLogDraft Parse(string fileName, byte[] content, RagStatuses? rag = null) =>
        ActionLogParser.Parse(ActionLogReader.Read(fileName, content), rag: rag);

    /// <summary>A force's log: a merged title and a note above the header on row 3, RAG as cell colours, Excel dates.</summary>
    public static byte[] RagColouredLog() => LogWorkbook.Xlsx(new LogSheetSpec("Action log",
    [
        ["OPCC Holding to Account – Action Log 2024"],
        ["Updated monthly by the policy team"],
        ["No.", "Date raised", "Action", "Lead", "Deadline", "RAG", "Progress"],
        ["2024/01", LogValue.Serial(new DateOnly(2024, 1, 30)), "Provide the 101 call answering times by district", "CC", LogValue.Serial(new DateOnly(2024, 3, 26)), LogValue.Filled("FF0000"), "Data requested from the contact centre"],
        ["2024/02", LogValue.Serial(new DateOnly(2024, 1, 30)), "Report on the rural crime team's first quarter", "DCC", LogValue.Serial(new DateOnly(2024, 2, 27)), LogValue.Filled("FFC000"), "Draft report circulated"],
        ["2024/03", LogValue.Serial(new DateOnly(2024, 2, 27)), "Share the custody inspection action plan", "ACC", LogValue.Serial(new DateOnly(2024, 3, 26)), LogValue.Filled("00B050"), "Plan shared with the OPCC"],
    ], Merged: ["A1:G1"]));

    /// <summary>A log kept as CSV: semicolons, text dates written out, owners as names and codes, statuses in words.</summary>
    public static byte[] CsvLogWithNames() => Encoding.UTF8.GetBytes(
        "Ref;Date;Action;Owner;Due date;Status;Comments\r\n"
        + "A1;12 March 2024;Brief the panel on stop and search outcomes;Jane Morgan;30/04/2024;Ongoing;\"12/03/2024: briefing being drafted\n15/04/2024: briefing booked for May\"\r\n"
        + "A2;12th March 2024;Review the fleet replacement plan;DCC & ACC;45412;Complete;Reviewed at COG\r\n"
        + "A3;not known;Confirm the date of the next victims' survey;PCC;;;\r\n");

    /// <summary>A workbook whose first sheet is hidden; RAG words in the Status column and dates as bare serial numbers.</summary>
    public static byte[] RagWordsWithHiddenSheet() => LogWorkbook.Xlsx(
        new LogSheetSpec("Lookups", [["Red", "Amber", "Green"]], Hidden: true),
        new LogSheetSpec("Actions",
        [
            ["Action No", "Meeting", "Action", "Owner(s)", "Target date", "Status", "Update", "Date closed"],
            ["2023/14", "Accountability Board 28/11/2023", "Publish the violence against women and girls delivery plan", "CC/DCC", LogValue.Serial(new DateOnly(2024, 1, 30), formatted: false), "Green", "Published on the force website", LogValue.Serial(new DateOnly(2024, 1, 30), formatted: false)],
            ["2023/15", "Accountability Board 28/11/2023", "Set out the plan for the new control room", "T/DCC", "Next meeting", "Amber", "", ""],
            ["2023/16", "Accountability Board 28/11/2023", "Explain the rise in shoplifting", "CC", "", "red", "", ""],
        ]));

    [Fact]
    public void A_log_with_its_header_on_row_three_and_RAG_colours_reads_every_action_with_its_status()
    {
        var draft = Parse("hta-log.xlsx", RagColouredLog());

        Assert.Equal(3, draft.Source.HeaderRow);
        Assert.Equal(["2024/01", "2024/02", "2024/03"], draft.Actions.Select(a => a.Reference));
        Assert.Equal([ActionStatus.Open, ActionStatus.UpdateProvided, ActionStatus.Closed], draft.Actions.Select(a => a.Status));
        Assert.Equal(new DateOnly(2024, 1, 30), draft.Actions[0].Raised.Date);
        Assert.Equal(new DateOnly(2024, 3, 26), draft.Actions[0].Due.Date);
        Assert.Equal(["ACC"], draft.Actions[2].Owners);
        Assert.Equal("Data requested from the contact centre", Assert.Single(draft.Actions[0].Updates).Text);
        Assert.Contains(draft.Warnings, w => w.Contains("header is on row 3", StringComparison.Ordinal));
        Assert.Empty(draft.Problems);
    }

    [Fact]
    public void The_office_decides_what_green_means()
    {
        var draft = Parse("hta-log.xlsx", RagColouredLog(), new RagStatuses { Green = ActionStatus.ProposedComplete });

        Assert.Equal(ActionStatus.ProposedComplete, draft.Actions[2].Status);
    }

    [Fact]
    public void A_csv_log_reads_dates_written_out_and_as_serials_owners_as_names_and_codes_and_dated_updates()
    {
        var draft = Parse("log.csv", CsvLogWithNames());

        var first = draft.Actions[0];
        Assert.Equal(new DateOnly(2024, 3, 12), first.Raised.Date);
        Assert.Equal(new DateOnly(2024, 4, 30), first.Due.Date);
        Assert.Equal(["Jane Morgan"], first.Owners);
        Assert.Equal(ActionStatus.Open, first.Status);
        Assert.Equal([(new DateOnly(2024, 3, 12), "briefing being drafted"), (new DateOnly(2024, 4, 15), "briefing booked for May")],
            first.Updates.Select(u => (u.Date!.Value, u.Text)));

        var second = draft.Actions[1];
        Assert.Equal(new DateOnly(2024, 3, 12), second.Raised.Date);
        Assert.Equal(new DateOnly(2024, 4, 30), second.Due.Date);
        Assert.Equal(["DCC", "ACC"], second.Owners);
        Assert.Equal(ActionStatus.Closed, second.Status);

        Assert.Null(draft.Actions[2].Raised.Date);
        Assert.Contains(draft.Warnings, w => w.StartsWith("Row 4:", StringComparison.Ordinal) && w.Contains("“not known” cannot be read", StringComparison.Ordinal));
        Assert.Contains(draft.Warnings, w => w.Contains("“A1” is not in the register's form", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hidden_sheet_is_passed_over_and_RAG_words_bare_serials_and_joint_owners_are_read()
    {
        var draft = Parse("board-log.xlsx", RagWordsWithHiddenSheet());

        Assert.Equal("Actions", draft.Source.SheetName);
        Assert.Contains(draft.Warnings, w => w.Contains("Hidden sheets were not read: 'Lookups'", StringComparison.Ordinal));
        var published = draft.Actions[0];
        Assert.Equal(new DateOnly(2023, 11, 28), published.Raised.Date);
        Assert.Equal("Accountability Board 28/11/2023", published.Raised.Meeting);
        Assert.Equal(["CC", "DCC"], published.Owners);
        Assert.Equal(ActionStatus.Closed, published.Status);
        Assert.Equal(new DateOnly(2024, 1, 30), published.ClosedOn);
        Assert.Equal(["T/DCC"], draft.Actions[1].Owners);
        Assert.Equal("Next meeting", draft.Actions[1].Due.Phrase);
        Assert.Equal(ActionStatus.Open, draft.Actions[2].Status);
    }

    [Fact]
    public void A_duplicate_reference_is_warned_about_and_the_second_row_will_get_a_new_one()
    {
        var draft = Parse("dup.csv", Encoding.UTF8.GetBytes("Ref,Action,Owner\n2024/01,First,CC\n2024/01,Second,CC\n"));

        Assert.Contains(draft.Warnings, w => w.StartsWith("Row 3:", StringComparison.Ordinal) && w.Contains("duplicate reference 2024/01 (also on row 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dry_run_json_has_the_draft_shape_the_issue_gives()
    {
        var json = ActionLogDraftJson.Serialize(Parse("board-log.xlsx", RagWordsWithHiddenSheet()));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("action-log", root.GetProperty("kind").GetString());
        Assert.Equal("text", root.GetProperty("columns").GetProperty("Action").GetString());
        Assert.Equal("owners", root.GetProperty("columns").GetProperty("Owner(s)").GetString());
        var action = root.GetProperty("actions")[0];
        Assert.Equal("2023/14", action.GetProperty("reference").GetString());
        Assert.Equal(["CC", "DCC"], action.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("2023-11-28", action.GetProperty("raised").GetProperty("date").GetString());
        Assert.Equal("2024-01-30", action.GetProperty("due").GetProperty("date").GetString());
        Assert.Equal("Closed", action.GetProperty("status").GetString());
        Assert.Equal("Published on the force website", action.GetProperty("updates")[0].GetProperty("text").GetString());
        Assert.Equal("2024-01-30", action.GetProperty("closedOn").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
    }
}
