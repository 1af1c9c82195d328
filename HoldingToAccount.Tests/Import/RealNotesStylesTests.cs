using HoldingToAccount.Core.Import;
using static HoldingToAccount.Tests.Import.NotesTestFiles;

namespace HoldingToAccount.Tests.Import;

/// <summary>
/// Notes written for these tests in the layouts real boards publish (attendance tables flattened into one line, roles
/// before names, lists that lost their headings, dates without a year). Names and places are invented.
/// </summary>
public class RealNotesStylesTests
{
    private static ImportDraft Parse(string text) => NotesParser.Parse(new NotesText(text));

    [Fact]
    public void Roles_written_before_names_with_initials_give_each_person_their_own_role_and_the_chair_and_minute_taker()
    {
        var draft = Parse("""
            Executive Board Minutes 9 May 2022

            Minutes of the meeting held at Force Headquarters, Eastwick, at 9.45am on Monday 9 May 2022.

            PRESENT:-
            In the Chair: Commissioner Rosalind Thorne (RT)

            Officers: Chief Constable Martin Hale (MH); Deputy Chief Constable Fiona Greaves (FG); Chief Constable’s Staff Officer Neil Carver (NC); Commissioner’s Chief of Staff Dana Rudge (DR).

            Minute taker: Governance Support Officer Lucy Penn (LP).

            ACTION: FG, DR and NC to meet after the Board to agree the survey questions.
            """);

        Assert.Equal(Day("2022-05-09"), draft.Date?.Value);
        Assert.Equal(Time("09:45"), draft.StartTime?.Value); // "at 9.45am"
        Assert.Equal("Rosalind Thorne", draft.Chair?.Value);
        Assert.Equal("Lucy Penn", draft.MinuteTaker?.Value);
        Assert.Equal(["Rosalind Thorne", "Martin Hale", "Fiona Greaves", "Neil Carver", "Dana Rudge"], draft.Attendees.Select(a => a.Name)); // the minute taker is not an attendee
        Assert.Equal("CC", draft.Attendees[1].Role);
        Assert.Equal("DCC", draft.Attendees[2].Role);
        Assert.Equal("SO", draft.Attendees[3].Role); // the Chief Constable's staff officer is not the Chief Constable
        var action = Assert.Single(draft.Actions);
        Assert.Equal(["DCC", "DR", "SO"], action.Owners);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void A_date_without_a_year_takes_it_from_the_item_references_and_a_list_after_the_minute_taker_is_named_not_guessed()
    {
        var draft = Parse("""
            Governance Board

            Notes of Meeting

            Thursday 16th November, 10:00-12:30

            Oak Room, Westhall


              • Miriam Oduya (MO) Chair – Police & Crime Commissioner
              • Conrad Bell (CB) – Chief Constable
              • Lena Farrow (LF) – Chief Executive Officer
              • Ivy Marsh (minutes) – Secretary


              • Quentin Hale (QH) – Assistant Chief Constable
              • Rhea Solis (RS) – Treasurer


            Ref 01/16/11/2023

            Introductions were made and apologies noted.
            """);

        Assert.Equal(Day("2023-11-16"), draft.Date?.Value);
        Assert.Equal(Time("10:00"), draft.StartTime?.Value);
        Assert.Equal("Miriam Oduya", draft.Chair?.Value);
        Assert.Equal("Ivy Marsh", draft.MinuteTaker?.Value);
        Assert.Equal(["Miriam Oduya", "Conrad Bell", "Lena Farrow", "Ivy Marsh"], draft.Attendees.Select(a => a.Name));
        Assert.Empty(draft.Apologies);
        Assert.Contains(draft.Warnings, w => w.Contains("year was taken from \"16/11/2023\"", StringComparison.Ordinal));
        Assert.Contains(draft.Warnings, w => w.Contains("(Quentin Hale, Rhea Solis)", StringComparison.Ordinal));
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void A_date_with_no_year_anywhere_is_left_empty_with_a_warning()
    {
        var draft = Parse("""
            Accountability Board Minutes 4 October

            Nina Hollis (NH)
            Omar Finch (OF)

            • NH welcomed everyone to the meeting.
            """);

        Assert.Null(draft.Date);
        Assert.Contains(draft.Warnings, w => w.Contains("The meeting date was not found", StringComparison.Ordinal));
    }

    [Fact]
    public void Attendance_under_the_first_item_with_role_prefixes_and_apologies_accepted_in_a_sentence()
    {
        var draft = Parse("""
            8th June 2022
            1. Welcome and introductions
            PFCC Ada Lovett (AL)
            Ben Okafor (BO)
            Carla Dunne (CD)
            CC Ewan Fisk (EF)
            DCC Gail Harte (GH)
            Apologies were accepted from ACC Ingram, ACC Jude Kerr, and Lionel Marsh
            AL welcomed everyone to the meeting.
            2. Budget
            ACTION – BO to bring the savings plan to a future board
            """);

        Assert.Equal(Day("2022-06-08"), draft.Date?.Value);
        Assert.Null(draft.Title); // the first line is only the date
        Assert.Equal(["Ada Lovett", "Ben Okafor", "Carla Dunne", "Ewan Fisk", "Gail Harte"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PFCC", null, null, "CC", "DCC"], draft.Attendees.Select(a => a.Role));
        Assert.Equal(["Ingram", "Jude Kerr", "Lionel Marsh"], draft.Apologies.Select(a => a.Name));
        var action = Assert.Single(draft.Actions);
        Assert.Equal(["BO"], action.Owners); // initials defined in the attendance
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void A_membership_list_run_into_one_line_marks_the_absent_member_as_an_apology()
    {
        var draft = Parse("EASTSHIRE POLICE AND CRIME COMMISSIONER MINUTES OF THE MEETING OF THE EASTSHIRE STRATEGIC RESOURCES MEETING HELD ON "
            + "TUESDAY 12TH MARCH 2019 COMMENCING AT 2.00 PM MEMBERSHIP (A – denotes absence) Nadia Brook - Police and Crime Commissioner "
            + "Oscar Pell - Chief Executive, OPCC A Petra Quinn - Deputy Chief Constable, Eastshire Police Rupert Sayle - Head of Finance, "
            + "Eastshire Police OTHERS PRESENT Tessa Underhill – Democratic Services, Eastshire County Council");

        Assert.Equal(Day("2019-03-12"), draft.Date?.Value);
        Assert.Equal(Time("14:00"), draft.StartTime?.Value);
        Assert.Equal(["Nadia Brook", "Oscar Pell", "Rupert Sayle", "Tessa Underhill"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CEX", null, null], draft.Attendees.Select(a => a.Role));
        var absent = Assert.Single(draft.Apologies);
        Assert.Equal("Petra Quinn", absent.Name);
        Assert.Equal("DCC", absent.Role);
        Assert.Contains(draft.Warnings, w => w.StartsWith("Petra Quinn marked \"A\"", StringComparison.Ordinal));
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void People_grouped_by_organisation_take_the_group_as_their_capacity_and_a_time_without_a_colon_is_read()
    {
        var draft = Parse("""
            PERFORMANCE BOARD

            Meeting date: Wednesday 8 March 2017 at 10.00 at Guildhall, Westport

            Police:Karen Voss, Liam Ortega

            OPCC:Mona Reyes, Nigel Quist

            1. Introductions
            """);

        Assert.Equal(Time("10:00"), draft.StartTime?.Value);
        Assert.Equal(["Karen Voss", "Liam Ortega", "Mona Reyes", "Nigel Quist"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["Police", "Police", "OPCC", "OPCC"], draft.Attendees.Select(a => a.Capacity));
        AssertSpansPointIntoSource(draft);

        var compact = Parse("""
            RESOURCES BOARD
            3 April 2018, 0930 to 1230, Board Room
            Present:Ruth Ames (RA) Chief Finance OfficerSimon Pike (SP) Head of Estates
            1. Budget
            """);
        Assert.Equal(Time("09:30"), compact.StartTime?.Value);
        Assert.Equal(["Ruth Ames", "Simon Pike"], compact.Attendees.Select(a => a.Name)); // a table flattened with no separator
        Assert.Equal("CFO", compact.Attendees[0].Role);
    }
}
