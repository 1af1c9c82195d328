using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Import;
using static HoldingToAccount.Tests.Import.NotesTestFiles;
using static HoldingToAccount.Tests.TestData.WordFile;

namespace HoldingToAccount.Tests.Import;

/// <summary>
/// Notes of other years, other boards and other forces, written for these tests (TestData/Notes/variety v09–v14 and a
/// Word document built here) in the styles the seeds do not show. Each is read field by field.
/// </summary>
public class OtherBoardsNotesTests
{
    [Fact]
    public void Accountability_board_of_another_force_with_title_prefixes_initials_and_a_dd_mm_yyyy_next_meeting()
    {
        var draft = ParseVariety("v09_accountability_board_other_force.txt");

        Assert.Equal("Northshire Accountability Board – Notes of Meeting", draft.Title?.Value);
        Assert.Equal(Day("2017-09-14"), draft.Date?.Value);
        Assert.Equal(Time("14:00"), draft.StartTime?.Value); // "Time: 2.00pm – 4.00pm"
        Assert.Equal("Room 3, Force Headquarters, Northtown", draft.Venue?.Value); // "Location:"
        Assert.Equal("David Lowe", draft.Chair?.Value); // "Mr David Lowe, Police and Crime Commissioner"
        Assert.Equal("Karen Tate", draft.MinuteTaker?.Value); // "Notes taken by: Ms Karen Tate, …"
        Assert.Equal(["David Lowe", "Olivia Grant", "Raj Patel", "Emma Clarke", "Peter Mason", "Jane Brown", "Kevin Taylor"],
            draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC", null, null, null, null, null], draft.Attendees.Select(a => a.Role));
        Assert.Equal(["Police and Crime Commissioner", "Chief Constable", "Head of Local Policing", "Public Protection",
            "Police and Crime Panel observer", "Head of Finance", "Estates Manager"], draft.Attendees.Select(a => a.Capacity));
        Assert.Equal(["JB", "KT"], draft.Attendees.Select(a => a.Initials).OfType<string>());
        Assert.Equal(["Mark Evans", "Ruth Evans"], draft.Apologies.Select(a => a.Name)); // a sentence naming two people
        Assert.Equal(["DCC", "CEX"], draft.Apologies.Select(a => a.Role));
        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));

        Assert.Collection(draft.Actions,
            estates =>
            {
                Assert.Equal("JB/KT to bring a revised estates disposal plan to the November meeting.", estates.Text);
                Assert.Equal(["JB", "KT"], estates.Owners); // initials of people with no role code stay as written
                Assert.Equal("2", estates.ItemNumber);
                Assert.Equal(DueTargetKind.MeetingInMonth, estates.Due.Kind);
                Assert.Equal(Month("2017-11"), estates.Due.Meeting);
            },
            staffing =>
            {
                Assert.Equal(["DCC"], staffing.Owners); // "Action – DCC to …"; the DCC sent apologies
                Assert.Equal("3", staffing.ItemNumber);
                Assert.Equal("within 3 months", staffing.Due.Phrase);
                Assert.Equal(Day("2017-12-14"), staffing.Due.Date);
            },
            protocol =>
            {
                Assert.Equal(["CC"], protocol.Owners); // "The Force"
                Assert.Equal(Day("2017-10-31"), protocol.Due.Date);
            });
        Assert.All(draft.Actions, a => Assert.Equal(DraftActionStatus.Open, a.Status));
        Assert.All(draft.Actions, a => Assert.False(a.BroughtForward));
        Assert.Equal(Day("2017-10-12"), draft.NextMeeting?.Date); // "Date of next meeting: 12/10/2017 10:30 – 12:30"
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime);
        Assert.Equal(["\"The Force\" was taken to mean the CC for the action \"The Force to publish the revised missing persons protocol…\"."], draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Header_without_labels_Name_Capacity_columns_owner_on_the_next_line_and_a_thematic_next_meeting()
    {
        var draft = ParseVariety("v10_unlabelled_header_name_capacity_columns.txt");

        Assert.Equal("Joint Governance Board", draft.Title?.Value);
        Assert.Equal(Day("2017-04-05"), draft.Date?.Value); // "Wednesday 5 April 2017, 2.00pm – 4.00pm"
        Assert.Equal(Time("14:00"), draft.StartTime?.Value);
        Assert.Null(draft.Venue);
        Assert.Null(draft.Chair);
        Assert.Equal(["Anne Holt", "Simon Reeve", "Gareth Price", "Laura Bennett"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "DCC", "CFO", null], draft.Attendees.Select(a => a.Role));
        Assert.Equal("Head of Corporate Services", draft.Attendees[3].Capacity);
        Assert.Empty(draft.Apologies);
        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));

        Assert.Collection(draft.Actions,
            capital =>
            {
                Assert.Equal("CFO to circulate the revised capital programme within 3 months.", capital.Text);
                Assert.Equal(["CFO"], capital.Owners);
                Assert.Equal(Day("2017-07-05"), capital.Due.Date);
            },
            estates =>
            {
                Assert.Equal("Head of Corporate Services to report on the outcome of the estates review.", estates.Text);
                Assert.Equal(["DCC"], estates.Owners); // "Owner: DCC" on the following line
                Assert.Equal(DueTargetKind.Unrecognised, estates.Due.Kind);
                Assert.Null(estates.Due.Phrase);
            });
        Assert.All(draft.Actions, a => Assert.Equal("1", a.ItemNumber)); // "There were none" under item 2
        Assert.Equal(Day("2017-09-12"), draft.NextMeeting?.Date); // "a thematic on Tuesday 12 September 2017 at 10:00 am"
        Assert.Equal(Time("10:00"), draft.NextMeeting?.StartTime);
        Assert.Equal("Thematic", draft.NextMeeting?.Title);
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Brought_forward_actions_with_Update_text_dated_lines_and_an_owner_in_a_trailing_column()
    {
        var draft = ParseVariety("v11_update_text_and_trailing_owner_column.txt");

        Assert.Equal(Day("2019-06-25"), draft.Date?.Value);
        Assert.Equal(Time("10:30"), draft.StartTime?.Value);
        Assert.Equal("John Campion", draft.Chair?.Value);
        Assert.Equal("Jo Smith", draft.MinuteTaker?.Value);
        Assert.Equal("PCC Conference Room, Hindlip", draft.Venue?.Value);
        Assert.Equal(["PCC", "CC", "DCC"], draft.Attendees.Select(a => a.Role));
        var apology = Assert.Single(draft.Apologies);
        Assert.Equal(("Andy Champness", "Chief Executive", "CEX"), (apology.Name, apology.Capacity, apology.Role));
        Assert.Equal(["1", "2", "2a", "3"], draft.Items.Select(i => i.Number));

        Assert.Collection(draft.Actions,
            calls =>
            {
                Assert.Equal("CC to provide an update on the 101 call handling improvement plan.", calls.Text);
                Assert.Equal(["CC"], calls.Owners);
                Assert.True(calls.BroughtForward);
                Assert.Equal(DraftActionStatus.Open, calls.Status); // "C/Fwd"
                Assert.Collection(calls.Updates,
                    text =>
                    {
                        Assert.Null(text.Date); // "Update: …" carries no date of its own
                        Assert.Equal("The new telephony system goes live in July and performance will be reported to the board.", text.Text);
                    },
                    dated =>
                    {
                        Assert.Equal(Day("2019-05-28"), dated.Date);
                        Assert.Equal("Plan agreed at the Executive Board", dated.Text);
                    });
                Assert.Equal(DueTargetKind.Unrecognised, calls.Due.Kind);
            },
            audit =>
            {
                Assert.Equal(["DCC"], audit.Owners);
                Assert.True(audit.BroughtForward);
                Assert.Equal(DraftActionStatus.Closed, audit.Status); // "Complete"
                Assert.Equal(Day("2019-06-03"), Assert.Single(audit.Updates).Date); // "3rd June 2019"
            },
            rural =>
            {
                Assert.Equal(["CC"], rural.Owners);
                Assert.Equal("2a", rural.ItemNumber);
                Assert.Equal(Month("2019-11"), rural.Due.Meeting); // "to the November meeting"
            },
            roads =>
            {
                Assert.Equal("Revisit the roads policing review in 6 months' time.", roads.Text);
                Assert.Equal(["CC"], roads.Owners); // the trailing column
                Assert.Equal("in 6 months' time", roads.Due.Phrase);
                Assert.Equal(Day("2019-12-25"), roads.Due.Date);
            },
            knives =>
            {
                Assert.Equal(["ACC"], knives.Owners);
                Assert.Equal(Day("2019-07-31"), knives.Due.Date);
            });
        Assert.All(draft.Actions.Skip(2), a => Assert.False(a.BroughtForward));
        Assert.Equal(Day("2019-07-30"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime);
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Html_minutes_with_list_bullets_owners_in_brackets_and_an_action_with_no_owner()
    {
        var draft = ParseVariety("v12_governance_board_bracketed_owners.html");

        Assert.Equal("Strategic Governance Board", draft.Title?.Value);
        Assert.Equal(Day("2017-12-04"), draft.Date?.Value); // "Minutes of the meeting held on Monday 4 December 2017 at 9.30am"
        Assert.Equal(Time("09:30"), draft.StartTime?.Value);
        Assert.Equal("Conference Room A, Police Headquarters", draft.Venue?.Value);
        Assert.Null(draft.MinuteTaker);
        Assert.Equal(["Alan Moore", "Susan Clarke", "Tom Bright"], draft.Attendees.Select(a => a.Name)); // "Ch Supt", "Mrs", "DS"
        Assert.Equal([null, "DPCC", "SO"], draft.Attendees.Select(a => a.Role)); // "Staff Officer to the Chief Constable" is the SO
        Assert.Empty(draft.Apologies); // "None."
        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));

        Assert.Collection(draft.Actions,
            summary =>
            {
                Assert.Equal("Produce a summary of the Force Management Statement for the Police and Crime Panel", summary.Text);
                Assert.Equal(["DPCC"], summary.Owners); // "(DPCC)" at the end of the line
                Assert.Equal(DueTargetKind.Unrecognised, summary.Due.Kind);
            },
            demand =>
            {
                Assert.Equal("Review demand modelling for the control room by 31 January 2018", demand.Text);
                Assert.Equal(["ACC"], demand.Owners);
                Assert.Equal(Day("2018-01-31"), demand.Due.Date);
            },
            terms =>
            {
                Assert.Equal("Circulate the revised terms of reference to members.", terms.Text);
                Assert.Empty(terms.Owners); // no owner written: the review asks for one
            });
        Assert.All(draft.Actions, a => Assert.Equal("1", a.ItemNumber));
        Assert.Equal(Day("2018-01-08"), draft.NextMeeting?.Date); // "8 January 2018, 9.30am": no weekday
        Assert.Equal(Time("09:30"), draft.NextMeeting?.StartTime);
        Assert.Equal(["No owner is written for the action \"Circulate the revised terms of reference to members.\" (item 1): choose one before committing."], draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Thematic_meeting_with_bracketed_capacities_owner_lines_after_bullets_and_a_deferred_item()
    {
        var draft = ParseVariety("v13_thematic_owner_lines_and_bracketed_capacities.txt");

        Assert.Equal("Thematic Meeting – Domestic Abuse", draft.Title?.Value);
        Assert.Equal(Day("2017-12-07"), draft.Date?.Value); // "Held on: Thursday 7 December 2017, 10am – 12pm"
        Assert.Equal(Time("10:00"), draft.StartTime?.Value);
        Assert.Equal("Training Suite, Hindlip", draft.Venue?.Value);
        Assert.Equal("John Campion", draft.Chair?.Value);
        Assert.Equal(["John Campion", "Anthony Bangham", "Claire Hughes", "Neil Shaw"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC", null, "PM"], draft.Attendees.Select(a => a.Role));
        Assert.Equal("Head of Protecting Vulnerable People", draft.Attendees[2].Capacity);
        Assert.Equal("OPCC Policy Manager", draft.Attendees[3].Capacity);
        var apology = Assert.Single(draft.Apologies);
        Assert.Equal(("Amanda Blakeman", "DCC"), (apology.Name, apology.Role));
        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.True(draft.Items[1].Deferred);

        Assert.Collection(draft.Actions,
            campaign =>
            {
                Assert.Equal("A joint communications plan for the Christmas campaign within two weeks", campaign.Text);
                Assert.Equal(["PCC", "CC"], campaign.Owners); // "PCC/CC" on the next line
                Assert.Equal(Day("2017-12-21"), campaign.Due.Date);
            },
            orders =>
            {
                Assert.Equal(["CC"], orders.Owners);
                Assert.Equal(DueTargetKind.Unrecognised, orders.Due.Kind);
            },
            deferred =>
            {
                Assert.Equal(DraftActionStatus.Deferred, deferred.Status);
                Assert.Equal("2", deferred.ItemNumber);
                Assert.StartsWith("Commissioning of victim services – ", deferred.Text, StringComparison.Ordinal);
                Assert.Equal(DueTargetKind.NextMeeting, deferred.Due.Kind);
                Assert.Equal(Month("2018-03"), deferred.Due.Meeting);
            });
        Assert.Equal(Day("2018-03-08"), draft.NextMeeting?.Date); // "… will be held on 8 March 2018 at 2pm."
        Assert.Equal(Time("14:00"), draft.NextMeeting?.StartTime);
        Assert.Equal("Thematic meeting", draft.NextMeeting?.Title);
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Names_and_capacities_in_two_lists_initials_stand_for_the_roles_they_hold()
    {
        var draft = ParseVariety("v14_scrambled_columns_initials_as_owners.txt");

        Assert.Equal(Day("2018-02-19"), draft.Date?.Value); // no weekday
        Assert.Equal(Time("13:30"), draft.StartTime?.Value);
        Assert.Equal("Meeting Room 4, Westshire Police HQ", draft.Venue?.Value);
        Assert.Equal("Lucy Gray", draft.MinuteTaker?.Value);
        Assert.Equal(["Helen Stone", "Richard Ford", "Amir Khan"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC", "ACC"], draft.Attendees.Select(a => a.Role));
        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));

        Assert.Collection(draft.Actions,
            a =>
            {
                Assert.Equal(["CC"], a.Owners); // RF, Richard Ford, the CC
                Assert.Equal(Month("2018-03"), a.Due.Meeting);
            },
            a =>
            {
                Assert.Equal(["ACC"], a.Owners);
                Assert.Equal(Day("2018-04-19"), a.Due.Date); // "in 2 months"
            },
            a =>
            {
                Assert.Equal(["PCC", "CC"], a.Owners); // "HS and RF"
                Assert.Equal(Day("2018-04-30"), a.Due.Date);
            });
        Assert.All(draft.Actions, a => Assert.Equal("2", a.ItemNumber));
        Assert.Equal(Day("2018-03-19"), draft.NextMeeting?.Date);
        Assert.Equal(Time("13:30"), draft.NextMeeting?.StartTime);
        Assert.Contains(draft.Warnings, w => w.Contains("two separate lists", StringComparison.Ordinal));
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Numbered_table_of_previous_actions_and_owners_after_a_dash_or_an_Owner_label()
    {
        var draft = ParseVariety("v15_numbered_action_table_and_trailing_owners.txt");

        Assert.Equal("Southshire Police – Executive Accountability Meeting", draft.Title?.Value);
        Assert.Equal(Day("2017-10-03"), draft.Date?.Value); // "Date and time: 10am, Tuesday 3 October 2017"
        Assert.Equal(Time("10:00"), draft.StartTime?.Value);
        Assert.Equal("Southshire House", draft.Venue?.Value);
        Assert.Equal("Lisa Ford", draft.MinuteTaker?.Value); // "Secretariat:"
        Assert.Equal(["Jane Hall", "Tom Knight", "Sue Marsh", "Mike Dean"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC", "T/ACC", "CFO"], draft.Attendees.Select(a => a.Role));
        Assert.Empty(draft.Apologies); // "None received"
        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number)); // the table's row numbers are not items

        Assert.Collection(draft.Actions,
            victims =>
            {
                Assert.Equal("Publish the victims' code compliance report by 30 November 2017", victims.Text);
                Assert.Equal(["CC"], victims.Owners);
                Assert.True(victims.BroughtForward); // "Actions from the previous meeting"
                Assert.Equal(Day("2017-11-30"), victims.Due.Date);
            },
            custody =>
            {
                Assert.Equal(["T/ACC"], custody.Owners);
                Assert.True(custody.BroughtForward);
                Assert.Equal(Month("2017-12"), custody.Due.Meeting);
            },
            pcsos =>
            {
                Assert.Equal("Review the PCSO deployment model by the end of March 2018", pcsos.Text);
                Assert.Equal(["DCC"], pcsos.Owners); // "… – DCC"
                Assert.Equal(Day("2018-03-31"), pcsos.Due.Date);
            },
            shifts =>
            {
                Assert.Equal(["T/ACC"], shifts.Owners);
                Assert.Equal(Month("2018-01"), shifts.Due.Meeting); // "for the January 2018 meeting"
            },
            calls =>
            {
                Assert.Equal("Report back on the 101 abandonment rate at the next meeting.", calls.Text);
                Assert.Equal(["PCC"], calls.Owners); // "Owner – PCC"
                Assert.Equal(DueTargetKind.NextMeeting, calls.Due.Kind);
                Assert.Equal(Month("2017-11"), calls.Due.Meeting);
            });
        Assert.Equal(["1", "1", "2", "2", "2"], draft.Actions.Select(a => a.ItemNumber));
        Assert.Equal(Day("2017-11-28"), draft.NextMeeting?.Date); // "Next meeting: 10:30, Tuesday 28 November 2017"
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime);
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Thematic_notes_with_headings_in_capitals_and_no_numbers_and_codes_as_capacities()
    {
        var draft = ParseVariety("v16_thematic_unnumbered_caps_headings.txt");

        Assert.Equal("Holding to Account – Thematic: Mental Health", draft.Title?.Value);
        Assert.Equal(Day("2017-11-14"), draft.Date?.Value); // "Tuesday 14 November 2017 at 2.30pm, Hindlip Park"
        Assert.Equal(Time("14:30"), draft.StartTime?.Value);
        Assert.Equal(["John Campion", "Anthony Bangham", "Julian Moss", "Rachel Green"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC", "T/DCC", null], draft.Attendees.Select(a => a.Role)); // "John Campion – PCC"
        Assert.Equal("Head of Partnerships, OPCC", draft.Attendees[3].Capacity);
        var apology = Assert.Single(draft.Apologies); // the headings below the list are not people
        Assert.Equal(("Andy Champness", "CEX"), (apology.Name, apology.Role));
        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number)); // numbered in the order they come
        Assert.Equal(["MENTAL HEALTH TRIAGE", "SECTION 136 DETENTIONS", "NEXT MEETING"], draft.Items.Select(i => i.Title));

        Assert.Collection(draft.Actions,
            triage =>
            {
                Assert.Equal(["DCC"], triage.Owners);
                Assert.Equal(Day("2018-01-31"), triage.Due.Date);
            },
            services =>
            {
                Assert.Equal(["RG"], services.Owners); // Rachel Green's initials: she holds no role
                Assert.Equal(Day("2017-12-26"), services.Due.Date); // "in 6 weeks"
            });
        Assert.All(draft.Actions, a => Assert.Equal("1", a.ItemNumber)); // "Actions arising: None." and "the action taken by the force" make none
        Assert.Equal(Day("2017-12-12"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime); // "10:30 am"
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Tabbed_minutes_with_an_action_log_whose_status_column_closes_or_carries_and_apologies_under_item_1()
    {
        var draft = ParseVariety("v17_tabbed_minutes_action_log_status_column.txt");

        Assert.Equal(Day("2018-01-08"), draft.Date?.Value);
        Assert.Equal(Time("09:30"), draft.StartTime?.Value); // "09:30 – 11:30"
        Assert.Equal("Room 2.14, Westshire Police HQ", draft.Venue?.Value);
        Assert.Equal("Rob Hale", draft.Chair?.Value);
        Assert.Equal("Joe Bloggs", draft.MinuteTaker?.Value); // "Minute taker<tab>Joe Bloggs"
        Assert.Equal(["Rob Hale", "Nina Patel", "Gary Long", "Fiona Kerr"], draft.Attendees.Select(a => a.Name)); // "Members present", "Also in attendance"
        Assert.Equal(["PCC", "CC", "DCC", "CEX"], draft.Attendees.Select(a => a.Role));
        var apology = Assert.Single(draft.Apologies); // a sentence under item 1
        Assert.Equal(("Ian Rudd", "ACC"), (apology.Name, apology.Role));
        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));

        Assert.Collection(draft.Actions,
            vetting =>
            {
                Assert.Equal("DCC to report on vetting backlog", vetting.Text); // the status column is not part of the text
                Assert.Equal(["DCC"], vetting.Owners);
                Assert.True(vetting.BroughtForward);
                Assert.Equal(DraftActionStatus.Closed, vetting.Status); // "Complete"
            },
            taser =>
            {
                Assert.Equal("ACC to review taser roll out", taser.Text);
                Assert.True(taser.BroughtForward);
                Assert.Equal(DraftActionStatus.Open, taser.Status); // "C/Fwd"
            },
            peel =>
            {
                Assert.Equal(["CC"], peel.Owners);
                Assert.Equal("3", peel.ItemNumber);
                Assert.False(peel.BroughtForward);
                Assert.Equal(Day("2018-01-22"), peel.Due.Date);
            });
        Assert.Equal(Day("2018-02-05"), draft.NextMeeting?.Date);
        Assert.Equal(Time("09:30"), draft.NextMeeting?.StartTime);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Action_marker_closing_the_sentence_with_initials_and_attendance_as_name_initials_code_pairs()
    {
        var draft = ParseVariety("v18_action_marker_after_the_sentence.txt");

        Assert.Equal(Day("2016-07-26"), draft.Date?.Value); // "Tuesday 26th July 2016, 10.30am, PCC Conference Room"
        Assert.Equal(Time("10:30"), draft.StartTime?.Value);
        Assert.Equal(["John Campion", "Anthony Bangham", "Julian Moss"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["JC", "AB", "JM"], draft.Attendees.Select(a => a.Initials));
        Assert.Equal(["PCC", "CC", "DCC"], draft.Attendees.Select(a => a.Role)); // "John Campion (JC), PCC; …"
        Assert.Equal(["Andy Champness", "Tracey Onslow"], draft.Apologies.Select(a => a.Name));
        Assert.Equal(["CEX", "DPCC"], draft.Apologies.Select(a => a.Role));

        Assert.Collection(draft.Actions,
            rural =>
            {
                Assert.Equal("The PCC asked for a report on the rural crime pilot to the September meeting.", rural.Text);
                Assert.Equal(["CC"], rural.Owners); // "ACTION: AB"
                Assert.Equal(Month("2016-09"), rural.Due.Meeting);
            },
            complaints =>
            {
                Assert.Equal("The DCC agreed to circulate the complaints data within 2 weeks.", complaints.Text);
                Assert.Equal(["DCC"], complaints.Owners); // "Action – JM"
                Assert.Equal(Day("2016-08-09"), complaints.Due.Date);
            });
        Assert.All(draft.Actions, a => Assert.Equal("1", a.ItemNumber)); // "an action plan on cyber crime" is not an action
        Assert.Equal(Day("2016-08-30"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:30"), draft.NextMeeting?.StartTime);
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Word_document_saved_as_a_web_page_with_paragraphs_in_table_cells_and_a_bulleted_action()
    {
        var draft = ParseVariety("v19_word_saved_as_web_page.htm");

        Assert.Equal(Day("2018-03-09"), draft.Date?.Value); // "Friday&nbsp;9&nbsp;March&nbsp;2018"
        Assert.Equal(Time("10:00"), draft.StartTime?.Value); // "10.00 – 12.00"
        Assert.Equal("OPCC Boardroom", draft.Venue?.Value);
        Assert.Equal(["David Lowe", "Olivia Grant", "Lee Brooks"], draft.Attendees.Select(a => a.Name)); // "ACC Lee Brooks"
        Assert.Equal(["PCC", "CC", "ACC"], draft.Attendees.Select(a => a.Role));
        Assert.Equal(["Police and Crime Commissioner", "Chief Constable", "Assistant Chief Constable"], draft.Attendees.Select(a => a.Capacity));
        Assert.Equal("Karen Tate", Assert.Single(draft.Apologies).Name);
        Assert.Equal(["1", "2"], draft.Items.Select(i => i.Number));
        Assert.Equal("Road safety", draft.Items[0].Title);

        var action = Assert.Single(draft.Actions); // "· Action: ACC to …" in a list paragraph
        Assert.Equal("ACC to provide a breakdown of fatal collisions by district by 30 April 2018.", action.Text);
        Assert.Equal(["ACC"], action.Owners);
        Assert.Equal("1", action.ItemNumber);
        Assert.Equal(Day("2018-04-30"), action.Due.Date);
        Assert.Equal(Day("2018-04-13"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:00"), draft.NextMeeting?.StartTime);
        Assert.Empty(draft.Warnings); // the table's rows are not read as two scrambled lists
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Action_Fraud_an_action_log_and_prose_after_an_Action_line_raise_no_actions()
    {
        var draft = ParseVariety("v20_action_words_that_are_not_actions.txt");

        Assert.Equal(Day("2017-11-21"), draft.Date?.Value);
        Assert.Equal(Time("14:00"), draft.StartTime?.Value); // "2pm"
        Assert.Equal("Jane Doe", draft.Chair?.Value);
        Assert.Equal(["PCC", "CC", "DCC"], draft.Attendees.Select(a => a.Role));
        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));

        var action = Assert.Single(draft.Actions);
        Assert.Equal("DCC to publish stop and search data monthly from January 2018.", action.Text);
        Assert.Equal(["DCC"], action.Owners); // "Lead: DCC" on the next line agrees
        Assert.Equal("3", action.ItemNumber);
        Assert.Equal(DueTargetKind.Unrecognised, action.Due.Kind);
        Assert.Equal(Day("2017-12-19"), draft.NextMeeting?.Date); // not the scrutiny panel's date
        Assert.Equal(Time("14:00"), draft.NextMeeting?.StartTime);
        Assert.Empty(draft.Warnings);
    }

    [Fact]
    public void Word_document_with_an_attendance_table_and_an_actions_table_with_owner_and_due_columns()
    {
        var bytes = Build(
            Para("Eastshire Police Accountability Board – Minutes"),
            Para("Date: Tuesday 16 January 2018"),
            Para("Time: 10.00am – 12.00pm"),
            Para("Location: Boardroom, Eastshire Police HQ"),
            Para("Chair: Cllr Mary Jones"),
            WordTable(["Name", "Capacity"],
                ["Cllr Mary Jones", "Police and Crime Commissioner"],
                ["Paul Wood", "Chief Constable"],
                ["Det Supt Ian Hart", "Head of Crime"]),
            Para("Apologies: Sarah Lamb, Deputy Chief Constable"),
            Para("1. Crime performance"),
            Para("The board discussed the rise in vehicle crime."),
            Para("Actions arising:"),
            WordTable(["Action", "Owner", "Due"],
                ["Report on vehicle crime hotspots", "CC", "to the March meeting"],
                ["Agree the precept consultation plan", "PCC/CC", "by 31 January 2018"]),
            Para("2. Date of next meeting"),
            Para("Tuesday 20 February 2018 at 10.00am"));

        var draft = NotesParser.Parse(NotesReader.Read("eastshire.docx", bytes));

        Assert.Equal(Day("2018-01-16"), draft.Date?.Value);
        Assert.Equal(Time("10:00"), draft.StartTime?.Value);
        Assert.Equal("Boardroom, Eastshire Police HQ", draft.Venue?.Value);
        Assert.Equal("Mary Jones", draft.Chair?.Value);
        Assert.Equal(["Mary Jones", "Paul Wood", "Ian Hart"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC", null], draft.Attendees.Select(a => a.Role));
        var apology = Assert.Single(draft.Apologies);
        Assert.Equal(("Sarah Lamb", "DCC"), (apology.Name, apology.Role));
        Assert.Equal(["1", "2"], draft.Items.Select(i => i.Number));
        Assert.Collection(draft.Actions,
            hotspots =>
            {
                Assert.Equal("Report on vehicle crime hotspots to the March meeting", hotspots.Text);
                Assert.Equal(["CC"], hotspots.Owners); // the Owner column, not the last one
                Assert.Equal(Month("2018-03"), hotspots.Due.Meeting);
            },
            precept =>
            {
                Assert.Equal("Agree the precept consultation plan by 31 January 2018", precept.Text);
                Assert.Equal(["PCC", "CC"], precept.Owners);
                Assert.Equal(Day("2018-01-31"), precept.Due.Date);
            });
        Assert.All(draft.Actions, a => Assert.Equal("1", a.ItemNumber));
        Assert.Equal(Day("2018-02-20"), draft.NextMeeting?.Date);
        Assert.Equal(Time("10:00"), draft.NextMeeting?.StartTime);
        Assert.Empty(draft.Warnings);
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Word_document_with_list_paragraphs_initials_that_spell_a_code_and_an_action_log_table()
    {
        var bytes = Build(
            Para("Monthly Assurance Meeting"),
            Para("Tuesday 27 February 2018, 10.30am – 12.30pm"),
            Para("Present:"),
            ListPara("John Campion (JC) – Police and Crime Commissioner"),
            ListPara("Anthony Bangham (AB) – Chief Constable"),
            ListPara("Pippa Mills (PM) – Deputy Chief Constable"),
            Para("Apologies: Andy Champness (CEX)"),
            Para("1. OUTSTANDING MATTERS"),
            WordTable(["2018/04", "DCC to review the custody estate.", "DCC", "C/Fwd"],
                ["2018/07", "ACC to confirm the roll out of body worn video.", "ACC", "Complete"]),
            Para("2. PERFORMANCE"),
            Para("Actions arising:"),
            ListPara("AB to report on burglary outcomes to the April meeting."),
            ListPara("JC/PM to agree the custody inspection response within 3 months."),
            Para("3. DATE OF NEXT MEETING"),
            Para("Tuesday 27 March 2018, 10.30am"));

        var draft = NotesParser.Parse(NotesReader.Read("february.docx", bytes));

        Assert.Equal(Day("2018-02-27"), draft.Date?.Value);
        Assert.Equal(Time("10:30"), draft.StartTime?.Value);
        Assert.Equal(["John Campion", "Anthony Bangham", "Pippa Mills"], draft.Attendees.Select(a => a.Name));
        Assert.Equal(["PCC", "CC", "DCC"], draft.Attendees.Select(a => a.Role));
        Assert.Equal(["JC", "AB", "PM"], draft.Attendees.Select(a => a.Initials));
        Assert.Equal("CEX", Assert.Single(draft.Apologies).Role);
        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.Collection(draft.Actions,
            custody =>
            {
                Assert.Equal("DCC to review the custody estate.", custody.Text);
                Assert.True(custody.BroughtForward);
                Assert.Equal(["DCC"], custody.Owners);
                Assert.Equal(DraftActionStatus.Open, custody.Status); // "C/Fwd" in the status column
            },
            video =>
            {
                Assert.Equal("ACC to confirm the roll out of body worn video.", video.Text);
                Assert.True(video.BroughtForward);
                Assert.Equal(DraftActionStatus.Closed, video.Status); // "Complete"
            },
            burglary =>
            {
                Assert.Equal("AB to report on burglary outcomes to the April meeting.", burglary.Text);
                Assert.Equal(["CC"], burglary.Owners);
                Assert.Equal(Month("2018-04"), burglary.Due.Meeting);
            },
            inspection =>
            {
                Assert.Equal(["PCC", "DCC"], inspection.Owners); // "PM" is Pippa Mills here, the DCC
                Assert.Equal(Day("2018-05-27"), inspection.Due.Date);
            });
        Assert.Equal(Day("2018-03-27"), draft.NextMeeting?.Date);
        AssertSpansPointIntoSource(draft);
    }
}
