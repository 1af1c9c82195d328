using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Import;
using static HoldingToAccount.Tests.Import.NotesTestFiles;

namespace HoldingToAccount.Tests.Import;

/// <summary>The three real meeting notes, asserted field by field.</summary>
public class SeedNotesTests
{
    private const string January2017 = "000_99665aecc8bf7cf6.txt";
    private const string March2017 = "001_09e0fd574892be37.txt";
    private const string June2016 = "003_2a4d8154e2dc64d4.txt";

    private static void AssertPerson(DraftPerson person, string name, string? capacity, string? role)
    {
        Assert.Equal(name, person.Name);
        Assert.Equal(capacity, person.Capacity);
        Assert.Equal(role, person.Role);
    }

    [Fact]
    public void January_2017_header_attendance_and_apologies()
    {
        var draft = ParseSeed(January2017);

        Assert.Equal("Monthly Assurance Meeting January 2017 – Meeting Notes", draft.Title?.Value);
        Assert.Equal(Day("2017-01-31"), draft.Date?.Value);
        Assert.Equal(Time("10:30"), draft.StartTime?.Value);
        Assert.Equal("John Campion", draft.Chair?.Value);
        Assert.Equal("Jackie Irvin", draft.MinuteTaker?.Value);
        Assert.Equal("PCC Conference Room – Hindlip", draft.Venue?.Value);

        Assert.Collection(draft.Attendees,
            p => AssertPerson(p, "John Campion", "Police and Crime Commissioner", "PCC"),
            p => AssertPerson(p, "Tracey Onslow", "Deputy Police and Crime Commissioner", "DPCC"),
            p => AssertPerson(p, "Anthony Bangham", "Chief Constable", "CC"),
            p => AssertPerson(p, "Andy Champness", "Chief Executive for the PCC", "CEX"));
        var apology = Assert.Single(draft.Apologies);
        AssertPerson(apology, "Chris Singer", "T/Deputy Chief Constable", "T/DCC");
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void January_2017_items_are_numbered_as_the_agenda()
    {
        var draft = ParseSeed(January2017);

        Assert.Equal(
            ["1", "2", "3", "4", "4a", "4a.1", "4a.2", "4a.3", "4b", "4b.1", "4b.2", "4c", "5", "6"],
            draft.Items.Select(i => i.Number));
        Assert.Equal("OUTSTANDING MATTERS / ITEMS BROUGHT FORWARD", draft.Items[0].Title);
        Assert.Equal("Building a more secure West Mercia – Domestic Burglary", draft.Items.Single(i => i.Number == "4a.1").Title);
        Assert.Equal("HMIC INSPECTION PROGRAMME / MATTERS ARISING FROM THE SERVICE IMPROVEMENT BOARD (SIB)", draft.Items.Single(i => i.Number == "4c").Title);
    }

    [Fact]
    public void January_2017_actions_owners_and_due_points()
    {
        var draft = ParseSeed(January2017);

        Assert.Collection(draft.Actions,
            jpp =>
            {
                Assert.Equal("An update on JPP to be brought forward to the holding to account meeting in July 2017.", jpp.Text);
                Assert.Equal(["CC"], jpp.Owners);
                Assert.Equal("1", jpp.ItemNumber);
                Assert.True(jpp.BroughtForward);
                Assert.Equal(DraftActionStatus.Open, jpp.Status);
                Assert.Equal(DueTargetKind.MeetingInMonth, jpp.Due.Kind);
                Assert.Equal(Month("2017-07"), jpp.Due.Meeting);
                Assert.Null(jpp.Due.Date);
                Assert.Equal("to the holding to account meeting in July 2017", jpp.Due.Phrase);
            },
            standard =>
            {
                Assert.StartsWith("The ACC for Local Policing to articulate what the minimum standard of service is", standard.Text);
                Assert.Equal(["CC"], standard.Owners);
                Assert.Equal("4a.1", standard.ItemNumber);
                Assert.False(standard.BroughtForward);
                Assert.Equal(Month("2017-02"), standard.Due.Meeting);
                Assert.Equal("to the February meeting", standard.Due.Phrase);
            },
            north =>
            {
                Assert.Equal("An update on domestic burglary in North Worcestershire", north.Text);
                Assert.Equal(["CC"], north.Owners);
                Assert.Equal("4a.1", north.ItemNumber);
                Assert.Equal(Month("2017-02"), north.Due.Meeting);
            });

        Assert.Equal(Day("2017-02-28"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime);
    }

    [Fact]
    public void March_2017_has_no_header_so_the_date_is_unknown_with_a_warning()
    {
        var draft = ParseSeed(March2017);

        Assert.Null(draft.Date);
        Assert.Null(draft.StartTime);
        Assert.Null(draft.Title);
        Assert.Empty(draft.Attendees);
        Assert.Empty(draft.Apologies);
        Assert.Contains(draft.Warnings, w => w.Contains("meeting date was not found", StringComparison.Ordinal));
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void March_2017_items_actions_and_next_meeting()
    {
        var draft = ParseSeed(March2017);

        Assert.Equal(
            ["2", "3", "4", "4a", "4a.1", "4a.2", "4a.3", "4b", "4b.1", "4b.2", "4c", "5", "6"],
            draft.Items.Select(i => i.Number));
        Assert.Equal("Reforming West Mercia – Sickness", draft.Items.Single(i => i.Number == "4a.3").Title);
        Assert.Equal("AOB", draft.Items.Single(i => i.Number == "5").Title);

        Assert.Collection(draft.Actions,
            sickness =>
            {
                Assert.Equal("PCC to review sickness levels following PMG.", sickness.Text);
                Assert.Equal(["PCC"], sickness.Owners);
                Assert.Equal("4a.3", sickness.ItemNumber);
                Assert.Equal(DraftActionStatus.Open, sickness.Status);
                Assert.Null(sickness.Due.Phrase);
            },
            weekly =>
            {
                Assert.Equal("PCC / CC to discuss at a future weekly meeting.", weekly.Text);
                Assert.Equal(["PCC", "CC"], weekly.Owners);
                Assert.Equal("5", weekly.ItemNumber);
                Assert.Equal(DueTargetKind.NoDate, weekly.Due.Kind);
                Assert.Equal("at a future weekly meeting", weekly.Due.Phrase);
                Assert.Null(weekly.Due.Date);
                Assert.Null(weekly.Due.Meeting);
            });

        Assert.Equal(Day("2017-04-25"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime);
    }

    [Fact]
    public void March_2017_html_fragments_leave_no_tags_in_the_text()
    {
        var draft = ParseSeed(March2017);

        Assert.DoesNotContain("<p>", draft.SourceText, StringComparison.Ordinal);
        Assert.DoesNotContain("</b>", draft.SourceText, StringComparison.Ordinal);
        Assert.Contains("London terrorist attack:", draft.SourceText, StringComparison.Ordinal);
    }

    [Fact]
    public void June_2016_header_and_scrambled_attendance_columns()
    {
        var draft = ParseSeed(June2016);

        Assert.Equal("Monthly Assurance Meeting June 2016 – Meeting Notes", draft.Title?.Value);
        Assert.Equal(Day("2016-06-28"), draft.Date?.Value);
        Assert.Equal(Time("10:30"), draft.StartTime?.Value);
        Assert.Equal("John Campion", draft.Chair?.Value);
        Assert.Equal("Jackie Irvin", draft.MinuteTaker?.Value);
        Assert.Equal("PCC Conference Room – Hindlip", draft.Venue?.Value);

        // The extraction lists the four names, then the four capacities; the role comes from the code in brackets and
        // the two lists are paired in the order written, with a warning asking for a check.
        Assert.Collection(draft.Attendees,
            p => AssertPerson(p, "John Campion", "Police and Crime Commissioner", "PCC"),
            p => AssertPerson(p, "Andy Champness", "Chief Executive Officer, OPCC", "CEX"),
            p => AssertPerson(p, "David Shaw", "Chief Constable", "CC"),
            p => AssertPerson(p, "Anthony Bangham", "Deputy Chief Constable", "DCC"));
        Assert.Contains(draft.Warnings, w => w.Contains("paired in the order written", StringComparison.Ordinal));
        Assert.Empty(draft.Apologies);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void June_2016_actions_closed_deferred_and_next_meeting()
    {
        var draft = ParseSeed(June2016);

        Assert.Collection(draft.Actions,
            trackMyCrime =>
            {
                Assert.StartsWith("An options paper is required for the July meeting to address how Track my Crime", trackMyCrime.Text);
                Assert.EndsWith("to include cost and timescales.", trackMyCrime.Text);
                Assert.Empty(trackMyCrime.Owners);
                Assert.Equal("1.1", trackMyCrime.ItemNumber);
                Assert.Equal(DraftActionStatus.Open, trackMyCrime.Status);
                Assert.Equal(Month("2016-07"), trackMyCrime.Due.Meeting);
                Assert.Equal("for the July meeting", trackMyCrime.Due.Phrase);
            },
            press =>
            {
                Assert.StartsWith("It was agreed to issue a joint press statement", press.Text);
                Assert.Equal(["PCC", "CC"], press.Owners);
                Assert.Equal("2", press.ItemNumber);
                Assert.Equal(DraftActionStatus.Closed, press.Status);
            },
            cyber =>
            {
                Assert.Contains("CYBER CRIME OFFENCES", cyber.Text, StringComparison.Ordinal);
                Assert.Equal(DraftActionStatus.Deferred, cyber.Status);
                Assert.Equal("4a.3", cyber.ItemNumber);
                Assert.Equal(DueTargetKind.NextMeeting, cyber.Due.Kind);
                Assert.Equal(Month("2016-07"), cyber.Due.Meeting);
            });
        Assert.Contains(draft.Warnings, w => w.StartsWith("No owner is written for the action \"An options paper", StringComparison.Ordinal));
        Assert.True(draft.Items.Single(i => i.Number == "4a.3").Deferred);
        Assert.Equal("CYBER CRIME OFFENCES", draft.Items.Single(i => i.Number == "4a.3").Title);

        Assert.Equal(Day("2016-07-26"), draft.NextMeeting?.Date);
        Assert.Null(draft.NextMeeting?.StartTime);
    }

    [Theory]
    [InlineData(January2017)]
    [InlineData(March2017)]
    [InlineData(June2016)]
    public void Parsing_is_deterministic(string seed)
    {
        var first = ImportDraftJson.Serialize(ParseSeed(seed));
        var second = ImportDraftJson.Serialize(ParseSeed(seed));
        Assert.Equal(first, second);
    }
}
