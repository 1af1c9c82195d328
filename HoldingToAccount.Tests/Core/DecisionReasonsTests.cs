using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Tests.Core;

public sealed class DecisionReasonsTests
{
    [Fact]
    public void Every_decision_taken_in_a_meeting_offers_preset_reasons()
    {
        foreach (var decision in new[] { Decision.Closed, Decision.Carried, Decision.Deferred, Decision.Cancelled, Decision.Redated, Decision.Reassigned, Decision.Reopened })
            Assert.NotEmpty(DecisionReasons.For(decision));
        Assert.Contains("Update accepted", DecisionReasons.For(Decision.Closed));
        Assert.Contains("More time needed", DecisionReasons.For(Decision.Carried));
    }

    [Fact]
    public void To_be_covered_at_names_the_meeting_the_action_is_carried_to()
    {
        var preset = DecisionReasons.For(Decision.Carried).Single(r => r.StartsWith("To be covered at", StringComparison.Ordinal));

        Assert.Equal("To be covered at Monthly Assurance Meeting March 2017", DecisionReasons.Fill(preset, "Monthly Assurance Meeting March 2017"));
        Assert.Equal("More time needed", DecisionReasons.Fill("More time needed", "Monthly Assurance Meeting March 2017"));
    }

    [Fact]
    public void A_preset_alone_a_typed_reason_alone_or_both_together_make_the_reason()
    {
        Assert.Equal("Superseded", DecisionReasons.Combine("Superseded", "  "));
        Assert.Equal("Published to every LPA", DecisionReasons.Combine(null, " Published to every LPA "));
        Assert.Equal("Update accepted: published to every LPA", DecisionReasons.Combine("Update accepted", "published to every LPA"));
        Assert.Equal("", DecisionReasons.Combine(null, null));
    }
}
