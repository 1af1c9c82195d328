using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Tests.TestData;
using static HoldingToAccount.Tests.Import.NotesTestFiles;

namespace HoldingToAccount.Tests.Import;

/// <summary>Notes written for these tests in the other styles seen in practice (TestData/Notes/variety).</summary>
public class VarietyNotesTests
{
    [Fact]
    public void Labelled_header_bullets_with_initials_and_inline_actions()
    {
        var draft = ParseVariety("v01_labelled_bullets_initials.txt");

        Assert.Equal(Day("2017-03-28"), draft.Date?.Value);
        Assert.Equal(Time("10:00"), draft.StartTime?.Value); // "10:00 am"
        Assert.Equal("Sam Green", draft.MinuteTaker?.Value);
        Assert.Equal("OPCC Meeting Room 1, Hindlip", draft.Venue?.Value);
        Assert.Equal(["JC", "AB", "JM", "AC"], draft.Attendees.Select(a => a.Initials));
        Assert.Equal(["PCC", "CC", "DCC", "CEX"], draft.Attendees.Select(a => a.Role));
        var apology = Assert.Single(draft.Apologies); // a sentence: "Apologies were received from …"
        Assert.Equal("Tracey Onslow", apology.Name);
        Assert.Equal("DPCC", apology.Role);

        Assert.Collection(draft.Actions,
            a =>
            {
                Assert.Equal(["CC"], a.Owners); // initials AB, defined in the attendance list
                Assert.Equal(Month("2017-04"), a.Due.Meeting);
            },
            a =>
            {
                Assert.Equal(["PCC", "CC"], a.Owners); // joint initials with a slash
                Assert.Equal(Day("2017-04-11"), a.Due.Date); // within two weeks
            },
            a =>
            {
                Assert.Equal("A paper on custody provision for the next meeting.", a.Text);
                Assert.Equal(["DCC"], a.Owners); // owner on the following line
                Assert.Equal(DueTargetKind.NextMeeting, a.Due.Kind);
                Assert.Equal(Month("2017-04"), a.Due.Meeting);
            });
        Assert.All(draft.Actions, a => Assert.Equal("2", a.ItemNumber));
        Assert.Equal(Day("2017-04-25"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:00"), draft.NextMeeting?.StartTime);
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Unlabelled_header_with_time_range_the_Force_and_a_thematic_next_meeting()
    {
        var draft = ParseVariety("v02_unlabelled_header.txt");

        Assert.Equal(Day("2017-04-12"), draft.Date?.Value);
        Assert.Equal(Time("14:00"), draft.StartTime?.Value); // "14:00 – 16:00"
        Assert.Equal(["PCC", "CC", "DCC", "ACC"], draft.Attendees.Select(a => a.Role));
        Assert.Equal(["Helen Ward", "Paul Lee"], draft.Apologies.Select(a => a.Name)); // apologies as a heading then a list
        Assert.Equal(["CEX", "CFO"], draft.Apologies.Select(a => a.Role));
        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));
        Assert.Equal("Road safety", draft.Items[1].Title);

        Assert.Collection(draft.Actions,
            force =>
            {
                Assert.Equal(["CC"], force.Owners);
                Assert.Equal("2", force.ItemNumber);
                Assert.Equal(Day("2017-04-26"), force.Due.Date);
            },
            hate =>
            {
                Assert.Equal(["ACC"], hate.Owners);
                Assert.Equal(Day("2017-06-30"), hate.Due.Date);
            });
        Assert.Contains(draft.Warnings, w => w.Contains("\"The Force\" was taken to mean the CC", StringComparison.Ordinal));
        Assert.Equal(Day("2017-05-10"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime);
        Assert.Equal("Thematic meeting on serious and organised crime", draft.NextMeeting?.Title);
    }

    [Fact]
    public void Dated_update_lines_ending_CFwd_stay_open_and_Complete_closes()
    {
        var draft = ParseVariety("v03_brought_forward_updates.txt");

        Assert.Collection(draft.Actions,
            custody =>
            {
                Assert.Equal(["DCC"], custody.Owners);
                Assert.True(custody.BroughtForward);
                Assert.Equal(DraftActionStatus.Open, custody.Status);
                var update = Assert.Single(custody.Updates);
                Assert.Equal(Day("2017-04-12"), update.Date);
                Assert.StartsWith("Options paper drafted", update.Text);
            },
            terminals =>
            {
                Assert.Equal(["ACC"], terminals.Owners);
                Assert.True(terminals.BroughtForward);
                Assert.Equal(DraftActionStatus.Closed, terminals.Status);
                Assert.Equal(Day("2017-05-02"), Assert.Single(terminals.Updates).Date);
            });
        Assert.Equal(Day("2017-06-27"), draft.NextMeeting?.Date);
    }

    [Fact]
    public void Sentences_that_merely_mention_actions_make_no_actions()
    {
        var draft = ParseVariety("v04_no_actions.txt");

        Assert.Empty(draft.Actions);
        Assert.Equal(["1", "2"], draft.Items.Select(i => i.Number));
        Assert.Null(draft.NextMeeting);
    }

    [Fact]
    public void A_paragraph_repeated_at_the_end_does_not_duplicate_its_action()
    {
        var draft = ParseVariety("v05_duplicate_trailing.txt");

        var action = Assert.Single(draft.Actions);
        Assert.Equal(["DCC"], action.Owners);
        Assert.Equal(Month("2017-09"), action.Due.Meeting);
        Assert.Contains(draft.Warnings, w => w.Contains("appears twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Look_alike_unicode_letters_in_role_codes_fold_to_the_codes()
    {
        var draft = ParseVariety("v06_lookalike_codes.txt");

        Assert.Collection(draft.Actions,
            a =>
            {
                Assert.Equal(["CC"], a.Owners); // Cyrillic "СС"
                Assert.Equal(Day("2017-11-29"), a.Due.Date);
            },
            a => Assert.Equal(["DCC", "PCC"], a.Owners)); // full-width "ＤＣＣ", Cyrillic "Р" in "РCC"
    }

    [Fact]
    public void Html_page_with_tables_and_scripts()
    {
        var draft = ParseVariety("v07_governance_board.html");

        Assert.DoesNotContain("script", draft.SourceText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("font-family", draft.SourceText, StringComparison.Ordinal);
        Assert.DoesNotContain("never in the output", draft.SourceText, StringComparison.Ordinal);
        Assert.Equal(Day("2017-05-15"), draft.Date?.Value);
        Assert.Equal(Time("09:30"), draft.StartTime?.Value);
        Assert.Equal(["Jane Doe", "Mark Hill"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC"], draft.Attendees.Select(a => a.Role));
        Assert.Collection(draft.Actions,
            a =>
            {
                Assert.Equal(["PCC"], a.Owners); // owner in the trailing column
                Assert.Equal("Auditors to share the final payroll report with the board by 30 June 2017.", a.Text);
                Assert.Equal(Day("2017-06-30"), a.Due.Date);
            },
            a => Assert.Equal(["CC"], a.Owners));
        Assert.DoesNotContain(draft.Actions, a => a.Text.Contains("steal", StringComparison.Ordinal) || a.Text.Contains("run this script", StringComparison.Ordinal));
        Assert.Equal(Day("2017-08-14"), draft.NextMeeting?.Date);
        AssertSpansPointIntoSource(draft);
    }

    [Theory]
    [InlineData("<p class=MsoNormal><span style='font-family:\"Arial\"'>Action: CC to review the custody figures by 30 June 2017.</span></p>\n<p class=MsoNormal")]
    [InlineData("<p class=MsoNormal><span lang=EN-GB style='font-family:\"Arial\">Action: CC to review the custody figures by 30 June 2017.</span></p>")]
    public void A_word_web_page_with_a_tag_left_open_imports_its_notes(string body)
    {
        var page = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8><title>Notes</title></head><body lang=EN-GB>"
            + "<p class=MsoNormal><b>Holding to Account Meeting</b></p><p class=MsoNormal>Date: Tuesday 30 May 2017 at 10:00</p>"
            + "<p class=MsoNormal><b>1. CUSTODY</b></p>" + body;

        var draft = NotesParser.Parse(NotesReader.Read("notes.htm", System.Text.Encoding.UTF8.GetBytes(page)));

        Assert.Equal(Day("2017-05-30"), draft.Date?.Value);
        var action = Assert.Single(draft.Actions);
        Assert.Equal(["CC"], action.Owners);
        Assert.Equal(Day("2017-06-30"), action.Due.Date);
    }

    [Fact]
    public void Deferred_item_numbered_action_list_and_ALL()
    {
        var draft = ParseVariety("v08_deferred_and_numbered_list.txt");

        Assert.Equal(["1", "1.1", "1.2", "1.3", "2"], draft.Items.Select(i => i.Number));
        Assert.True(draft.Items[1].Deferred);
        Assert.Collection(draft.Actions,
            a =>
            {
                Assert.Equal(DraftActionStatus.Deferred, a.Status);
                Assert.Equal("1.1", a.ItemNumber);
                Assert.Equal(Month("2017-10"), a.Due.Meeting);
            },
            a =>
            {
                Assert.Equal(["DCC"], a.Owners);
                Assert.Equal(Day("2017-10-10"), a.Due.Date);
            },
            a =>
            {
                Assert.Equal(["ACC", "DCC"], a.Owners);
                Assert.Equal(DueTargetKind.NoDate, a.Due.Kind);
            },
            a =>
            {
                Assert.Equal(["ALL"], a.Owners);
                Assert.Equal("1.3", a.ItemNumber);
                Assert.Equal(Day("2017-10-31"), a.Due.Date);
            });
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime); // "10.30"
    }

    [Fact]
    public void Word_document_with_a_table_reads_like_the_text_columns()
    {
        var bytes = WordFile.Build(
            WordFile.Para("Monthly Assurance Meeting – October 2017 – Meeting Notes"),
            WordFile.Para("Date: Tuesday 31 October 2017 @ 10:30"),
            WordFile.Para("Chair: John Campion"),
            WordFile.WordTable(
                ["1.", "PERFORMANCE AGAINST THE POLICE AND CRIME PLAN", ""],
                ["", "Actions arising:", ""],
                ["", "DCC to report on knife crime to the December meeting.", "DCC"],
                ["2.", "DATE OF NEXT MEETING:", ""],
                ["", "10:30 on 28 November 2017", "ALL"]));

        var draft = NotesParser.Parse(NotesReader.Read("october.docx", bytes));

        Assert.Equal(Day("2017-10-31"), draft.Date?.Value);
        Assert.Equal(["1", "2"], draft.Items.Select(i => i.Number));
        var action = Assert.Single(draft.Actions);
        Assert.Equal("DCC to report on knife crime to the December meeting.", action.Text);
        Assert.Equal(["DCC"], action.Owners);
        Assert.Equal(Month("2017-12"), action.Due.Meeting);
        Assert.Equal(Day("2017-11-28"), draft.NextMeeting?.Date);
    }
    [Fact]
    public void Word_headings_are_read_by_their_style_when_their_words_do_not_look_like_headings()
    {
        var bytes = WordFile.BuildStyled(
            WordFile.Styled("berschrift1", "Strategic Policing and Crime Board"),
            WordFile.Para("Date: Tuesday 12 September 2023 at 10.00am"),
            WordFile.Para("Present: John Campion (Chair), Anthony Bangham (CC)"),
            WordFile.Styled("AgendaItem", "Rural and wildlife crime"),
            WordFile.Para("The CC described the new rural crime team and its first three months."),
            WordFile.Styled("berschrift2", "Actions arising"),
            WordFile.Para("CC to report on the rural crime team's results to the December meeting."),
            WordFile.Styled("AgendaItem", "Finance and resources"),
            WordFile.Para("The board noted the quarter two budget position."),
            WordFile.Para("Action: DCC to circulate the revised capital programme to the October meeting."),
            // Styled as a heading but plainly a sentence of the minutes: left as text.
            WordFile.Styled("Normal", "Finance update noted"));

        var draft = NotesParser.Parse(NotesReader.Read("september.docx", bytes));

        Assert.Equal(["Rural and wildlife crime", "Finance and resources"], draft.Items.Select(i => i.Title));
        Assert.Equal(2, draft.Actions.Count);
        Assert.Equal("CC to report on the rural crime team's results to the December meeting.", draft.Actions[0].Text);
        Assert.Equal(draft.Items[0].Number, draft.Actions[0].ItemNumber);
        Assert.Equal("DCC to circulate the revised capital programme to the October meeting.", draft.Actions[1].Text);
        Assert.Equal(draft.Items[1].Number, draft.Actions[1].ItemNumber);
        // Each title points at its own words in the text the reviewer sees; the style's mark is not in it.
        var notes = NotesReader.Read("september.docx", bytes);
        Assert.DoesNotContain(NotesText.HeadingMark, notes.Text);
        Assert.Equal("Finance and resources", notes.Text.Substring(draft.Items[1].Span.Start, draft.Items[1].Span.Length));
    }
    [Theory]
    [InlineData("Police and Crime Commissioner's Holding to Account\nMeeting with the Chief Constable – Notes",
        "Police and Crime Commissioner's Holding to Account Meeting with the Chief Constable – Notes")]
    [InlineData("WEST MERCIA POLICE AND CRIME COMMISSIONER\nPERFORMANCE AND ACCOUNTABILITY MEETING",
        "WEST MERCIA POLICE AND CRIME COMMISSIONER PERFORMANCE AND ACCOUNTABILITY MEETING")]
    // A title that ends as titles do keeps the next line out of it: here that line is where the meeting was held.
    [InlineData("Holding to Account Meeting\nPolice Headquarters, Hindlip", "Holding to Account Meeting")]
    public void A_title_written_over_two_lines_is_read_whole(string titleLines, string expected)
    {
        var text = titleLines + """

            Date: Tuesday 12 September 2023 at 10.00am
            Present: John Campion (Chair), Anthony Bangham (CC)

            1. Rural crime
            Action: CC to report on the rural crime team's results to the December meeting.
            """;
        var notes = new NotesText(text);

        var draft = NotesParser.Parse(notes);

        Assert.Equal(expected, draft.Title?.Value);
        Assert.Equal(Day("2023-09-12"), draft.Date?.Value);
        Assert.Equal(expected, string.Join(' ', notes.Text.Substring(draft.Title!.Span.Start, draft.Title.Span.Length).Split('\n')));
        Assert.Single(draft.Actions);
    }
    [Fact]
    public void A_table_cell_holding_an_update_and_a_status_gives_the_action_both()
    {
        var bytes = WordFile.Build(
            WordFile.Para("Monthly Assurance Meeting – March 2017 – Notes"),
            WordFile.Para("Date: Tuesday 14 March 2017 @ 10:30"),
            WordFile.Para("Chair: John Campion"),
            WordFile.Para("1. ACTIONS BROUGHT FORWARD"),
            WordFile.WordTable(
                ["Ref", "Action", "Owner", "Update / status"],
                ["2016/14", "DCC to bring options for the custody estate to the board.", "DCC", "Options paper to go to the Executive Board first. Status: Ongoing"],
                ["2016/15", "ACC to review vehicle crime.", "ACC", "10/03/2017 Review complete and shared with the PCC – Complete"]),
            WordFile.Para("2. DATE OF NEXT MEETING"),
            WordFile.Para("Tuesday 28 March 2017 at 10:30"));

        var draft = NotesParser.Parse(NotesReader.Read("march.docx", bytes));

        Assert.Equal(2, draft.Actions.Count);
        var custody = draft.Actions[0];
        Assert.Equal("DCC to bring options for the custody estate to the board.", custody.Text);
        Assert.Equal(["DCC"], custody.Owners);
        Assert.Equal(DraftActionStatus.Open, custody.Status);
        var update = Assert.Single(custody.Updates);
        Assert.Equal("Options paper to go to the Executive Board first.", update.Text);
        Assert.Null(update.Date);

        var vehicles = draft.Actions[1];
        Assert.Equal("ACC to review vehicle crime.", vehicles.Text);
        Assert.Equal(DraftActionStatus.Closed, vehicles.Status);
        var closing = Assert.Single(vehicles.Updates);
        Assert.Equal("Review complete and shared with the PCC", closing.Text);
        Assert.Equal(Day("2017-03-10"), closing.Date);
    }
}
