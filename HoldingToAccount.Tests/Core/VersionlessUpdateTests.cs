using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

/// <summary>An update posted without a version is an append: it needs no particular state, so other writers never refuse it.</summary>
[Needs(Need.Database)]
public sealed class VersionlessUpdateTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _register = await RegisterBuilder.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    [Fact]
    public async Task Updates_posted_at_once_without_a_version_all_land_on_the_action()
    {
        var jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        var action = await _register.ActionAsync(jan, "Report on call answering times", "next meeting");
        var texts = Enumerable.Range(1, 10).Select(i => $"Progress note {i}").ToList();

        await Task.WhenAll(texts.Select(text => Task.Run(() =>
            Actions.AddUpdateAsync(action.Reference, null, text, null, RegisterBuilder.Secretariat))));

        var detail = (await Actions.GetAsync(action.Reference))!;
        Assert.Equal(texts.Order(), detail.Updates.Select(u => u.Text).Order());
        Assert.Equal(action.Version + texts.Count, detail.Action.Version);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_still_refused_while_version_less_ones_land()
    {
        var jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        var action = await _register.ActionAsync(jan, "Report on call answering times", "next meeting");

        await Actions.AddUpdateAsync(action.Reference, null, "Appended without a version", null, RegisterBuilder.Secretariat);
        var ex = await Assert.ThrowsAsync<StaleEditException>(() =>
            Actions.AddUpdateAsync(action.Reference, action.Version, "Written against the old version", null, RegisterBuilder.Secretariat));

        Assert.Contains("changed by someone else", ex.Message, StringComparison.Ordinal);
        var detail = (await Actions.GetAsync(action.Reference))!;
        Assert.Equal(["Appended without a version"], detail.Updates.Select(u => u.Text));
    }
}
