using System.Globalization;
using HoldingToAccount.Dashboard.Components.Pages.Actions;

namespace HoldingToAccount.Tests.Components;

public sealed class RegisterColumnsTests
{
    private static readonly string[] _always = ["Ref", "Owners", "Due", "Status"];

    private static double Share(RegisterColumns columns, string column) =>
        double.Parse(columns.Width(column).Replace("width: ", "", StringComparison.Ordinal).TrimEnd('%'), CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("")]
    [InlineData("Raised,Item")]
    [InlineData("Item")]
    [InlineData("Raised,Item,TimesCarried,LatestUpdate")]
    public void The_action_column_keeps_at_least_36_percent_and_the_widths_fill_the_table(string hidden)
    {
        var columns = RegisterColumns.Parse(hidden);

        var shown = _always.Concat(Enum.GetValues<OptionalColumn>().Where(columns.Shows).Select(c => c.ToString()));
        Assert.True(Share(columns, "Action") >= RegisterColumns.MinActionShare);
        Assert.Equal(100, shown.Sum(c => Share(columns, c)) + Share(columns, "Action"), 0);
    }

    [Fact]
    public void Raised_and_item_start_hidden_and_a_choice_reads_back_as_it_was_kept()
    {
        var first = RegisterColumns.Parse(null);
        Assert.False(first.Shows(OptionalColumn.Raised));
        Assert.False(first.Shows(OptionalColumn.Item));
        Assert.True(first.Shows(OptionalColumn.LatestUpdate));

        first.Show(OptionalColumn.Item, true);
        first.Show(OptionalColumn.LatestUpdate, false);
        var again = RegisterColumns.Parse(first.Serialise() + ",NoSuchColumn");
        Assert.True(again.Shows(OptionalColumn.Item));
        Assert.False(again.Shows(OptionalColumn.LatestUpdate));
        Assert.False(again.Shows(OptionalColumn.Raised));
    }
}
