using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class RevisitAgendaTests : IAsyncLifetime
{
    private static readonly Actor Secretariat = RegisterBuilder.Secretariat;

    private TestDatabase _database = null!;
    private RegisterBuilder _register = null!;
    private int _jan, _aug;
    private ActionService Actions => _database.Get<ActionService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_database);
        await using (var db = await _database.CreateContextAsync())
        {
            db.AgendaSections.Add(new AgendaSection { SeriesId = _register.SeriesId, Number = "4b", Title = "Delivery of strategic initiatives", Order = 5 });
            await db.SaveChangesAsync();
        }
        _jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        _aug = await _register.MeetingAsync(new DateOnly(2017, 8, 29), MeetingStatus.Planned);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<ActionRow> ScheduleAsync() =>
        Actions.ScheduleRevisitAsync(new NewRevisit(_register.SeriesId, "Revisit the confidence strategy in 6 months", ["CC"]), Secretariat);

    [Fact]
    public async Task A_revisit_put_on_the_agenda_becomes_an_item_of_its_meeting_and_is_closed_with_a_note()
    {
        var revisit = await ScheduleAsync();
        Assert.Equal(_aug, revisit.DueMeeting!.Id);

        var item = await Actions.PutRevisitOnAgendaAsync(revisit.Reference, revisit.Version, "4b", Secretariat);

        Assert.Equal("4b.1", item.Number);
        Assert.Equal("Revisit the confidence strategy in 6 months", item.Title);
        var august = (await _database.Get<MeetingService>().GetAsync(_aug))!;
        Assert.Contains(august.Agenda.Single(s => s.Number == "4b").Items, i => i.Id == item.Id);
        var after = (await Actions.GetAsync(revisit.Reference))!;
        Assert.Equal(ActionStatus.Closed, after.Action.Status);
        Assert.Empty(await Actions.RevisitsAsync());
    }

    [Fact]
    public async Task A_revisit_goes_on_the_agenda_once_a_stale_or_second_attempt_is_refused()
    {
        var revisit = await ScheduleAsync();
        await Actions.PutRevisitOnAgendaAsync(revisit.Reference, revisit.Version, "4b", Secretariat);

        await Assert.ThrowsAsync<StaleEditException>(() => Actions.PutRevisitOnAgendaAsync(revisit.Reference, revisit.Version, "4b", Secretariat));
        var august = (await _database.Get<MeetingService>().GetAsync(_aug))!;
        Assert.Single(august.Agenda.SelectMany(s => s.Items));
    }

    [Fact]
    public async Task An_unknown_section_or_an_ordinary_action_is_refused_and_nothing_changes()
    {
        var revisit = await ScheduleAsync();
        var ex = await Assert.ThrowsAsync<DomainException>(() => Actions.PutRevisitOnAgendaAsync(revisit.Reference, revisit.Version, "9z", Secretariat));
        Assert.Contains("Choose one of the series' sections", ex.Message);
        Assert.Equal(ActionStatus.Open, (await Actions.GetAsync(revisit.Reference))!.Action.Status);

        var action = await _register.ActionAsync(_jan, "Burglary minimum standard", "in 6 months");
        await Assert.ThrowsAsync<DomainException>(() => Actions.PutRevisitOnAgendaAsync(action.Reference, action.Version, "4b", Secretariat));
    }

    [Fact]
    public async Task Only_the_secretariat_puts_a_revisit_on_an_agenda()
    {
        var revisit = await ScheduleAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Actions.PutRevisitOnAgendaAsync(revisit.Reference, revisit.Version, "4b", new Actor("John Campion", AccessLevel.Chair)));
    }
}
