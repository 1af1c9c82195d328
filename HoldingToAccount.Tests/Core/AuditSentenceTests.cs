using HoldingToAccount.Core.Audit;

namespace HoldingToAccount.Tests.Core;

public sealed class AuditSentenceTests
{
    private static readonly DateTime At = new(2026, 11, 29, 14, 3, 27, DateTimeKind.Utc);

    private static readonly AuditNames Names = new(
        new Dictionary<int, string> { [18] = "2017/01" },
        new Dictionary<int, string> { [2] = "CC", [3] = "DCC" },
        new Dictionary<int, string> { [5] = "Monthly Assurance Meeting January 2017", [6] = "Monthly Assurance Meeting July 2017" },
        new Dictionary<int, string> { [9] = "Anthony Bangham" },
        new Dictionary<int, string> { [1] = "Monthly Assurance Meeting" },
        new Dictionary<string, string> { ["u-1"] = "Pat Lee" },
        new Dictionary<string, string> { ["r-1"] = "Secretariat" });

    private static string Say(string type, string id, string change, string? before, string? after) =>
        AuditSentences.Describe(new AuditRow(1, At, "Sam Carter", type, id, change, before, after), Names);

    [Fact]
    public void Changing_an_actions_owners_reads_as_one_sentence_with_who_and_when()
    {
        Assert.Equal("Sam Carter changed the owners of 2017/01 from CC to CC, DCC — 29 Nov 2026 14:03",
            AuditSentences.OwnersChanged("Sam Carter", At, "2017/01", ["CC"], ["CC", "DCC"]));
    }

    [Fact]
    public void The_time_is_shown_in_London_time_in_summer()
    {
        var july = new DateTime(2017, 7, 25, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal("25 Jul 2017 10:30", AuditSentences.When(july));
    }

    [Fact]
    public void Raising_an_action_says_its_reference_and_wording()
    {
        Assert.Equal("Sam Carter raised action 2017/01: “An update on JPP” — 29 Nov 2026 14:03",
            Say("ActionItem", "18", "Added", null, """{"Kind":"Action","Sequence":1,"Status":"Open","Text":"An update on JPP","Year":2017}"""));
    }

    [Fact]
    public void Closing_reopening_and_rewording_an_action_are_said_as_such()
    {
        Assert.StartsWith("Sam Carter closed 2017/01 —",
            Say("ActionItem", "18", "Modified", """{"Sequence":1,"Status":"Open","Version":1,"Year":2017}""", """{"Sequence":1,"Status":"Closed","Version":2,"Year":2017}"""), StringComparison.Ordinal);
        Assert.StartsWith("Sam Carter reopened 2017/01 (was closed) —",
            Say("ActionItem", "18", "Modified", """{"Sequence":1,"Status":"Closed","Year":2017}""", """{"Sequence":1,"Status":"Open","Year":2017}"""), StringComparison.Ordinal);
        Assert.StartsWith("Sam Carter changed the wording of 2017/01 from “Burglary standard” to “Burglary minimum standard” —",
            Say("ActionItem", "18", "Modified", """{"Sequence":1,"Text":"Burglary standard","Year":2017}""", """{"Sequence":1,"Text":"Burglary minimum standard","Year":2017}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Carrying_an_action_says_where_it_was_due_and_where_it_is_due_now()
    {
        Assert.StartsWith("Sam Carter changed when 2017/01 is due from “Monthly Assurance Meeting January 2017” to “Monthly Assurance Meeting July 2017” —",
            Say("ActionItem", "18", "Modified",
                """{"DueDate":null,"DueKind":"Meeting","DueMeetingId":5,"Sequence":1,"Year":2017}""",
                """{"DueDate":null,"DueKind":"Meeting","DueMeetingId":6,"Sequence":1,"Year":2017}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_owner_meeting_and_role_holding_are_named_not_numbered()
    {
        Assert.StartsWith("Sam Carter posted an update on 2017/01: “Pilot under review” —",
            Say("ActionUpdate", "40", "Added", null, """{"ActionItemId":18,"Author":"Sam Carter","NewStatus":null,"Text":"Pilot under review"}"""), StringComparison.Ordinal);
        Assert.StartsWith("Sam Carter removed DCC from the owners of 2017/01 —",
            Say("ActionOwners", "18,3", "Deleted", """{"ActionItemId":18,"OwnersId":3}""", null), StringComparison.Ordinal);
        Assert.StartsWith("Sam Carter marked “Monthly Assurance Meeting January 2017” held —",
            Say("Meeting", "5", "Modified", """{"Status":"Planned","Title":"Monthly Assurance Meeting January 2017","Version":1}""",
                """{"Status":"Held","Title":"Monthly Assurance Meeting January 2017","Version":2}"""), StringComparison.Ordinal);
        Assert.StartsWith("Sam Carter recorded Anthony Bangham as holding CC from 1 Jan 2017 —",
            Say("RoleHolding", "4", "Added", null, """{"From":"2017-01-01","PersonId":9,"RoleId":2,"Temporary":false,"To":null}"""), StringComparison.Ordinal);
        Assert.StartsWith("Sam Carter gave Pat Lee the Secretariat sign-in role —",
            Say("IdentityUserRole`1", "u-1,r-1", "Added", null, """{"RoleId":"r-1","UserId":"u-1"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_an_agenda_item_says_from_which_number_to_which()
    {
        Assert.StartsWith("Sam Carter moved item “Estates plan” from 4a.2 to 4a.1 on the agenda of “Monthly Assurance Meeting July 2017” —",
            Say("AgendaItem", "3", "Modified", """{"MeetingId":6,"Number":"4a.2","Order":2,"Title":"Estates plan"}""",
                """{"MeetingId":6,"Number":"4a.1","Order":1,"Title":"Estates plan"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_stay_hidden_and_a_disabled_account_reads_as_such()
    {
        var sentence = Say("ApplicationUser", "u-1", "Modified", """{"DisplayName":"Pat Lee","Disabled":false,"PasswordHash":"(hidden)"}""",
            """{"DisplayName":"Pat Lee","Disabled":true,"PasswordHash":"(hidden)"}""");
        Assert.StartsWith("Sam Carter disabled the account of Pat Lee —", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_of_record_not_known_still_reads_as_a_sentence_naming_what_changed()
    {
        Assert.Equal("Sam Carter changed board display 7: changed the colour scheme from “light” to “dark” — 29 Nov 2026 14:03",
            Say("BoardDisplay", "7", "Modified", """{"ColourScheme":"light","Version":3}""", """{"ColourScheme":"dark","Version":4}"""));
        Assert.Equal("Sam Carter added board display 8 — 29 Nov 2026 14:03", Say("BoardDisplay", "8", "Added", null, """{"ColourScheme":"dark"}"""));
    }
}
