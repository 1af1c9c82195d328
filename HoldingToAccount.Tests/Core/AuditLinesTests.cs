using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class AuditLinesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RegisterBuilder _register = null!;
    private int _jan, _jul;
    private AuditService Audit => _database.Get<AuditService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 11, 29, 14, 3, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_database);
        _jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        _jul = await _register.MeetingAsync(new DateOnly(2017, 7, 25), MeetingStatus.Planned);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task GiveOwnersAsync(string reference, params string[] codes)
    {
        Assert.True(ActionReference.TryParse(reference, out var year, out var sequence));
        await using var db = await _database.CreateContextAsync();
        db.ActorName = "Sam Carter";
        var action = await db.Actions.Include(a => a.Owners).SingleAsync(a => a.Year == year && a.Sequence == sequence);
        action.Owners.Clear();
        action.Owners.AddRange(await db.Roles.Where(r => codes.Contains(r.Code)).ToListAsync());
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Owners_changed_in_one_save_read_as_one_line_from_the_old_owners_to_the_new()
    {
        var action = await _register.ActionAsync(_jan, "An update on JPP", "to the July meeting");
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await GiveOwnersAsync(action.Reference, "CC", "DCC");
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await GiveOwnersAsync(action.Reference, "DCC");
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await GiveOwnersAsync(action.Reference, "ACC");

        var lines = (await Audit.FindLinesAsync(new AuditFilter(ActionReference: action.Reference), RegisterBuilder.Secretariat)).Items;

        Assert.Equal(
        [
            "Sam Carter changed the owners of 2017/01 from DCC to ACC — 29 Nov 2026 14:06",
            "Sam Carter changed the owners of 2017/01 from CC, DCC to DCC — 29 Nov 2026 14:05",
            "Sam Carter changed the owners of 2017/01 from CC to CC, DCC — 29 Nov 2026 14:04",
            "Sam Carter set the owners of 2017/01 to CC — 29 Nov 2026 14:03",
            "Sam Carter raised action 2017/01: “An update on JPP” — 29 Nov 2026 14:03",
        ], lines.Select(l => l.Sentence));
        Assert.Equal(2, lines[0].Rows.Count);
        Assert.Single(lines[1].Rows);
    }

    [Fact]
    public async Task The_trail_narrows_to_one_action_with_its_updates_and_to_one_meeting()
    {
        var jpp = await _register.ActionAsync(_jan, "An update on JPP", "to the July meeting");
        var other = await _register.ActionAsync(_jan, "Vehicle crime review", "to the July meeting");
        await _database.Get<ActionService>().AddUpdateAsync(jpp.Reference, jpp.Version, "Pilot under review", null, RegisterBuilder.Secretariat);
        await _database.Get<MeetingService>().AddAgendaItemAsync(_jul, new AgendaItemInput("1", "Estates plan"), RegisterBuilder.Secretariat);

        var forJpp = (await Audit.FindLinesAsync(new AuditFilter(ActionReference: jpp.Reference), RegisterBuilder.Secretariat)).Items.Select(l => l.Sentence).ToList();
        Assert.Contains(forJpp, s => s.Contains("posted an update on 2017/01: “Pilot under review”", StringComparison.Ordinal));
        Assert.DoesNotContain(forJpp, s => s.Contains(other.Reference, StringComparison.Ordinal));

        var forJuly = (await Audit.FindLinesAsync(new AuditFilter(MeetingId: _jul), RegisterBuilder.Secretariat)).Items.Select(l => l.Sentence).ToList();
        Assert.Equal(
        [
            "Sam Carter added item 1.1 “Estates plan” to the agenda of “Monthly Assurance Meeting July 2017” — 29 Nov 2026 14:03",
            "system added the meeting “Monthly Assurance Meeting July 2017” on 25 Jul 2017 — 29 Nov 2026 14:03",
        ], forJuly);
    }

    [Fact]
    public async Task A_reference_that_is_not_one_is_refused_with_how_to_write_it()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => Audit.FindLinesAsync(new AuditFilter(ActionReference: "JPP"), RegisterBuilder.Secretariat));
        Assert.Contains("2017/01", ex.Message, StringComparison.Ordinal);
    }
}
