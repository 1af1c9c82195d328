using HoldingToAccount.Core.Actions;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

/// <summary>
/// A reminder sweep, an export or an escalation run names tens of thousands of actions in one query. Sent one parameter
/// per id, that passes SQLite's limit (32,766) and PostgreSQL's (65,535) and the whole sweep fails with "too many SQL
/// variables"; sent as one list, it reads them.
/// </summary>
[Needs(Need.Database)]
public sealed class LargeIdListTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 4, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Seventy_thousand_action_ids_in_one_query_read_the_ones_that_exist()
    {
        var january = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        var action = await _register.ActionAsync(january, "Report on the estates strategy", "to the February meeting");
        var actions = _db.Get<ActionService>();
        await actions.AddUpdateAsync(action.Reference, action.Version, "Draft circulated.", null, RegisterBuilder.Secretariat);
        var id = action.Id;

        var ids = Enumerable.Range(id + 1, 70_000).Append(id).ToList();
        var updates = await actions.UpdatesOfAsync(ids);

        var only = Assert.Single(updates);
        Assert.Equal(id, only.Key);
        Assert.Contains(only.Value, u => u.Text == "Draft circulated.");
    }
}
