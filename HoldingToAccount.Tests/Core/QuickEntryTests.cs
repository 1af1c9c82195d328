using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Tests.Core;

public sealed class QuickEntryTests
{
    private static readonly DateOnly Jan = new(2017, 1, 31);

    private static readonly RoleOption[] Roles =
    [
        new("ACC", "Assistant Chief Constable"), new("CC", "Chief Constable"), new("DCC", "Deputy Chief Constable"),
        new("PCC", "Police and Crime Commissioner"), new("T/DCC", "Temporary Deputy Chief Constable"),
    ];

    [Fact]
    public void ACC_to_bring_back_a_timeline_in_3_months_is_owned_by_ACC_and_due_three_months_on()
    {
        var reading = QuickEntry.Read("ACC to bring back a timeline in 3 months", Jan, Roles);
        Assert.Equal(["ACC"], reading.Owners);
        Assert.Equal("ACC to bring back a timeline in 3 months", reading.Text);
        Assert.Equal(DueTargetKind.Date, reading.Due.Kind);
        Assert.Equal(new DateOnly(2017, 4, 30), reading.Due.Date);
        Assert.Equal("in 3 months", reading.Due.Phrase);
    }

    [Theory]
    [InlineData("CC/DCC to review the estates plan by the March meeting", new[] { "CC", "DCC" })]
    [InlineData("The Chief Constable to report on sickness levels next meeting", new[] { "CC" })]
    [InlineData("The ACC for Local Policing to articulate the minimum standard", new[] { "ACC" })]
    [InlineData("PCC and CC to agree the precept in two weeks", new[] { "PCC", "CC" })]
    [InlineData("T/DCC to brief the panel next meeting", new[] { "T/DCC" })]
    [InlineData("An update on JPP to be brought forward to the July meeting – CC", new[] { "CC" })]
    [InlineData("An update on domestic burglary in North Worcestershire (ACC)", new[] { "ACC" })]
    public void Owners_are_read_from_the_start_or_the_end_of_the_line(string line, string[] owners) =>
        Assert.Equal(owners, QuickEntry.Read(line, Jan, Roles).Owners);

    [Theory]
    [InlineData("An update on JPP to be brought forward in July")]
    [InlineData("Review the plan to bring it back in 3 months")]
    [InlineData("XYZ to report next meeting")]
    public void No_owner_is_guessed(string line) =>
        Assert.Empty(QuickEntry.Read(line, Jan, Roles).Owners);

    [Fact]
    public void A_trailing_owner_is_taken_off_the_action_text()
    {
        var reading = QuickEntry.Read("An update on JPP to the July meeting – CC", Jan, Roles);
        Assert.Equal("An update on JPP to the July meeting", reading.Text);
        Assert.Equal(DueTargetKind.MeetingInMonth, reading.Due.Kind);
    }

    [Fact]
    public void A_line_without_a_due_phrase_is_unrecognised_not_guessed()
    {
        var reading = QuickEntry.Read("CC to look into it", Jan, Roles);
        Assert.Equal(["CC"], reading.Owners);
        Assert.True(reading.Due.NeedsDuePoint);
    }
}
