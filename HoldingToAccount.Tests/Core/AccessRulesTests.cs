using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;

namespace HoldingToAccount.Tests.Core;

public sealed class AccessRulesTests
{
    [Theory]
    [InlineData(AccessLevel.Viewer, new[] { Permission.Read, Permission.ReadInsights })]
    [InlineData(AccessLevel.Officer, new[] { Permission.Read, Permission.UpdateActions, Permission.ReadRestricted })]
    [InlineData(AccessLevel.Chair, new[] { Permission.Read, Permission.UpdateActions, Permission.RunMeetings, Permission.ReadInsights, Permission.ReadRestricted })]
    [InlineData(AccessLevel.Secretariat, new[] { Permission.Read, Permission.UpdateActions, Permission.RunMeetings, Permission.Administer, Permission.ReadInsights, Permission.ReadRestricted })]
    [InlineData(AccessLevel.System, new[] { Permission.Read, Permission.UpdateActions, Permission.RunMeetings, Permission.Administer, Permission.ReadInsights, Permission.ReadRestricted })]
    public void Each_role_may_do_what_the_table_gives_it_and_nothing_more(AccessLevel level, Permission[] allowed) =>
        Assert.Equal(allowed, Enum.GetValues<Permission>().Where(p => new Actor("x", level).May(p)));

    [Fact]
    public void A_chair_is_refused_secretariat_work_with_a_message_saying_who_may()
    {
        var refused = Assert.Throws<ForbiddenException>(() => ActionPermissions.Demand(new Actor("John Campion", AccessLevel.Chair), Permission.Administer, "plan meetings"));
        Assert.Equal("Only the secretariat can plan meetings.", refused.Message);
    }

    [Fact]
    public void Every_app_role_a_person_can_be_given_may_read_and_none_is_the_product_itself()
    {
        Assert.Equal(AccessRules.PersonLevels, AccessRules.GivenTo(Permission.Read));
        Assert.DoesNotContain(AccessLevel.System, AccessRules.PersonLevels);
    }
}
