using HoldingToAccount.Core.Actions;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

/// <summary>A page of the register is the page it says it is: its number and its rows always agree.</summary>
[Needs(Need.Database)]
public sealed class RegisterPagingTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private List<string> _newestFirst = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var register = await RegisterBuilder.CreateAsync(_db);
        var jan = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        for (var i = 1; i <= 5; i++)
            _newestFirst.Insert(0, (await register.ActionAsync(jan, $"Action {i}", "next meeting")).Reference);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    [Fact]
    public async Task Pages_follow_one_another_and_the_last_holds_what_is_left()
    {
        var first = await Actions.PageAsync(new ActionFilter(), 1, 2);
        var second = await Actions.PageAsync(new ActionFilter(), 2, 2);
        var last = await Actions.PageAsync(new ActionFilter(), 3, 2);

        Assert.Equal(_newestFirst, first.Items.Concat(second.Items).Concat(last.Items).Select(a => a.Reference));
        Assert.Equal((3, 5), (last.Number, last.Total));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public async Task A_page_past_the_end_is_reported_as_asked_and_holds_no_rows(int page)
    {
        var past = await Actions.PageAsync(new ActionFilter(), page, 2);

        Assert.Equal(page, past.Number);
        Assert.Empty(past.Items);
        Assert.Equal(5, past.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(int.MinValue)]
    public async Task A_page_number_below_one_is_the_first_page(int page)
    {
        var first = await Actions.PageAsync(new ActionFilter(), page, int.MaxValue);

        Assert.Equal(1, first.Number);
        Assert.Equal(_newestFirst, first.Items.Select(a => a.Reference));
    }
}
