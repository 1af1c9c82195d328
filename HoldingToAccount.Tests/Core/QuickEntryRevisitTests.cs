using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Tests.Core;

public sealed class QuickEntryRevisitTests
{
    private static readonly DateOnly Nov = new(2026, 11, 24);

    private static readonly RoleOption[] Roles =
    [
        new("ACC", "Assistant Chief Constable"), new("CC", "Chief Constable"), new("PCC", "Police and Crime Commissioner"),
    ];

    [Theory]
    [InlineData("PCC/CC to revisit the custody review in 6 months' time")]
    [InlineData("PCC to revisit X in 6 months' time")]
    [InlineData("The estates plan to be revisited at the July meeting – CC")]
    [InlineData("Revisit the confidence strategy in 3 months (ACC)")]
    public void A_line_that_says_revisit_is_read_as_a_revisit(string line) =>
        Assert.Equal(ActionKind.Revisit, QuickEntry.Read(line, Nov, Roles).Kind);

    [Theory]
    [InlineData("ACC to bring back a timeline in 3 months")]
    [InlineData("CC to review the revisions to the estates plan by the March meeting")]
    public void A_line_that_does_not_say_revisit_stays_an_action(string line) =>
        Assert.Equal(ActionKind.Action, QuickEntry.Read(line, Nov, Roles).Kind);

    [Fact]
    public void PCC_and_CC_to_revisit_in_6_months_time_is_owned_by_both_and_due_six_months_after_the_meeting()
    {
        var reading = QuickEntry.Read("PCC/CC to revisit the custody review in 6 months' time", Nov, Roles);

        Assert.Equal(["PCC", "CC"], reading.Owners);
        Assert.Equal(new DateOnly(2027, 5, 24), reading.Due.Date);
    }
}
