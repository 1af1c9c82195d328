using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Publishing;
using HoldingToAccount.Tests.Export;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Publishing;

/// <summary>What the public may read, on the demo register (clock on 1 February 2017; January 2017 held, February planned).</summary>
[Needs(Need.Database)]
public sealed class PublicRecordTests : IAsyncLifetime
{
    private static readonly Actor Secretariat = new("Sam Carter", AccessLevel.Secretariat);

    private ExportRegister _register = null!;

    private PublicationService Publication => _register.Database.Get<PublicationService>();
    private PublicRegister Public => new(_register.Database.Get<IDbContextFactory<AppDbContext>>(), _register.Notes);

    public async Task InitializeAsync() => _register = await ExportRegister.CreateAsync();

    public async Task DisposeAsync() => await _register.DisposeAsync();

    private async Task<MeetingSummary> JanuaryAsync() => await _register.MeetingOnAsync(ExportRegister.Jan2017);

    private async Task<MeetingSummary> PublishJanuaryAsync()
    {
        var january = await JanuaryAsync();
        await Publication.SetSeriesPublicAsync(january.SeriesId, true, Secretariat);
        await Publication.PublishAsync(january.Id, january.Version, Secretariat);
        return january;
    }

    [Fact]
    public async Task Held_notes_are_not_public_until_the_secretariat_publishes_them()
    {
        var january = await JanuaryAsync();
        await Publication.SetSeriesPublicAsync(january.SeriesId, true, Secretariat);

        Assert.Empty(await Public.MeetingsAsync());
        Assert.Null(await Public.NotesAsync(january.Id));
        Assert.Empty(await Public.ActionLogAsync());

        await Publication.PublishAsync(january.Id, january.Version, Secretariat);

        var listed = Assert.Single(await Public.MeetingsAsync());
        Assert.Equal(january.Id, listed.Id);
        var notes = await Public.NotesAsync(january.Id);
        Assert.NotNull(notes);
        Assert.Equal(NotesVariant.Public, notes.Variant);
        Assert.NotEmpty(await Public.ActionLogAsync());
    }

    [Fact]
    public async Task Notes_of_a_series_that_is_not_public_cannot_be_published_and_say_what_to_do()
    {
        var january = await JanuaryAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Publication.PublishAsync(january.Id, january.Version, Secretariat));

        Assert.Contains("Make the series public first", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await Public.MeetingsAsync());
    }

    [Fact]
    public async Task A_planned_meeting_has_no_notes_to_publish()
    {
        var february = (await _register.Meetings.ListAsync()).First(m => m.Status == MeetingStatus.Planned);
        await Publication.SetSeriesPublicAsync(february.SeriesId, true, Secretariat);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Publication.PublishAsync(february.Id, february.Version, Secretariat));

        Assert.Contains("only the notes of a held meeting can be published", refused.Message, StringComparison.Ordinal);
        Assert.Null(await Public.NotesAsync(february.Id));
    }

    [Fact]
    public async Task Only_the_secretariat_publishes()
    {
        var january = await JanuaryAsync();
        await Publication.SetSeriesPublicAsync(january.SeriesId, true, Secretariat);

        await Assert.ThrowsAsync<ForbiddenException>(() => Publication.PublishAsync(january.Id, january.Version, new Actor("John Campion", AccessLevel.Chair)));

        Assert.Empty(await Public.MeetingsAsync());
    }

    [Fact]
    public async Task Withdrawn_notes_leave_the_public_pages_and_the_meeting_keeps_the_reason()
    {
        var january = await PublishJanuaryAsync();
        var published = (await Publication.StateAsync(january.Id))!;

        await Publication.WithdrawAsync(january.Id, published.Version, "  A name in item 4a should not have been published.  ", Secretariat);

        Assert.Empty(await Public.MeetingsAsync());
        Assert.Null(await Public.NotesAsync(january.Id));
        Assert.Empty(await Public.ActionLogAsync());
        var state = (await Publication.StateAsync(january.Id))!;
        Assert.False(state.IsPublished);
        Assert.Equal(MeetingStatus.Held, state.Status);
        Assert.Equal("A name in item 4a should not have been published.", state.WithdrawnReason);
        Assert.NotNull(state.WithdrawnAtUtc);
    }

    [Fact]
    public async Task Withdrawing_without_a_reason_is_refused_and_the_notes_stay_published()
    {
        var january = await PublishJanuaryAsync();
        var version = (await Publication.StateAsync(january.Id))!.Version;

        await Assert.ThrowsAsync<DomainException>(() => Publication.WithdrawAsync(january.Id, version, "   ", Secretariat));

        Assert.Single(await Public.MeetingsAsync());
    }

    [Fact]
    public async Task Publishing_and_withdrawing_are_written_to_the_audit_trail_with_who_did_it()
    {
        var january = await PublishJanuaryAsync();
        await Publication.WithdrawAsync(january.Id, (await Publication.StateAsync(january.Id))!.Version, "Published too early", Secretariat);

        var history = await _register.Database.Get<AuditService>().ForEntityAsync("Meeting", january.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(history, e => e.Who == "Sam Carter" && (e.After ?? "").Contains("\"Status\":\"Published\"", StringComparison.Ordinal));
        Assert.Contains(history, e => e.Who == "Sam Carter" && (e.After ?? "").Contains("Published too early", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restricted_action_is_left_out_of_the_public_notes_and_the_action_log_at_once()
    {
        var january = await PublishJanuaryAsync();
        var logged = await Public.ActionLogAsync();
        var action = (await Publication.StateAsync(january.Id))!.ActionsArising.First();
        Assert.Contains(logged, a => a.Reference == action.Reference);

        await Publication.SetActionRestrictedAsync(action.Id, true, Secretariat);

        Assert.DoesNotContain(await Public.ActionLogAsync(), a => a.Reference == action.Reference);
        var notes = (await Public.NotesAsync(january.Id))!;
        Assert.DoesNotContain(notes.ActionsArising, a => a.Reference == action.Reference);
        Assert.Contains(notes.ActionsArising, a => a.Reference != action.Reference);
        var full = (await _register.Notes.LoadAsync(january.Id, NotesVariant.Full))!;
        Assert.Contains(full.ActionsArising, a => a.Reference == action.Reference);
    }

    [Fact]
    public async Task Actions_raised_under_a_restricted_agenda_item_stay_off_the_action_log()
    {
        var january = await PublishJanuaryAsync();
        var underItem = (await Publication.StateAsync(january.Id))!.ActionsArising.First(a => a.ItemNumber is not null);

        await _register.RestrictAsync(january.Id, underItem.ItemNumber!);

        Assert.DoesNotContain(await Public.ActionLogAsync(), a => a.Reference == underItem.Reference);
        Assert.True((await Publication.StateAsync(january.Id))!.ActionsArising.Single(a => a.Id == underItem.Id).ItemRestricted);
    }

    [Fact]
    public async Task Taking_a_series_off_the_public_pages_takes_its_published_notes_with_it()
    {
        var january = await PublishJanuaryAsync();

        await Publication.SetSeriesPublicAsync(january.SeriesId, false, Secretariat);

        Assert.Empty(await Public.MeetingsAsync());
        Assert.Null(await Public.NotesAsync(january.Id));
        Assert.Empty(await Public.ActionLogAsync());
        Assert.True((await Publication.StateAsync(january.Id))!.IsPublished);
    }

    [Fact]
    public async Task The_action_log_shows_owners_as_roles_and_the_office_workflow_as_open()
    {
        await PublishJanuaryAsync();

        var log = await Public.ActionLogAsync();

        Assert.All(log, a => Assert.NotEmpty(a.Owners));
        Assert.Contains(log, a => a.Owners.Any(o => o.Code == "CC" && o.Title == "Chief Constable"));
        Assert.All(log, a => Assert.True(a.Status is "Open" or "Closed" or "Withdrawn", a.Status));
        await using var db = await _register.Database.CreateContextAsync();
        var people = await db.People.Select(p => p.Name).ToListAsync();
        Assert.All(log, a => Assert.DoesNotContain(a.Owners, o => people.Contains(o.Title)));
    }
}
