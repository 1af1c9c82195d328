using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Import;

/// <summary>Committing reviewed drafts of the seed notes into a real SQLite register.</summary>
[Needs(Need.Database)]
public sealed class ImportCommitTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 11, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        await using var db = await _db.CreateContextAsync();
        db.People.AddRange(new Person { Name = "Anthony Bangham" }, new Person { Name = "John Campion" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ImportService Import => new(_db.Get<IDbContextFactory<AppDbContext>>(), _db.Clock);
    private ActionService Actions => _db.Get<ActionService>();

    [Fact]
    public async Task A_corrected_venue_longer_than_a_meeting_keeps_is_refused_and_nothing_is_written()
    {
        var corrections = new ImportCorrections { Venue = new string('v', InputLimits.Venue + 1) };

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Import.CommitAsync(NotesTestFiles.ParseSeed("000_99665aecc8bf7cf6.txt"), corrections, RegisterBuilder.Secretariat));

        Assert.Equal($"A venue can be at most {InputLimits.Venue} characters.", refused.Message);
        await using var db = await _db.CreateContextAsync();
        Assert.False(await db.Meetings.AnyAsync(m => m.ImportedFromHash != null));
    }

    [Fact]
    public async Task The_January_2017_seed_commits_as_a_held_meeting_whose_actions_are_in_the_register_and_carry_forward()
    {
        var feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        var jul = await _register.MeetingAsync(new DateOnly(2017, 7, 25), MeetingStatus.Planned);

        var result = await Import.CommitAsync(NotesTestFiles.ParseSeed("000_99665aecc8bf7cf6.txt"), ImportCorrections.None, RegisterBuilder.Secretariat);

        Assert.False(result.Updated);
        Assert.Equal("Monthly Assurance Meeting January 2017", result.MeetingTitle);
        Assert.Equal(["2017/01", "2017/02", "2017/03"], result.Actions.Select(a => a.Reference));
        Assert.All(result.Actions, a => Assert.Equal(ImportedActionOutcome.Raised, a.Outcome));
        Assert.All(result.Actions, a => Assert.Equal(["CC"], a.Owners));

        await using (var db = await _db.CreateContextAsync())
        {
            var meeting = await db.Meetings.Include(m => m.Attendees).Include(m => m.AgendaItems).SingleAsync(m => m.Id == result.MeetingId);
            Assert.Equal(MeetingStatus.Held, meeting.Status);
            Assert.Equal(new DateOnly(2017, 1, 31), meeting.Date);
            Assert.Equal(new TimeOnly(10, 30), meeting.StartTime);
            Assert.Equal("John Campion", meeting.Chair);
            Assert.Equal("Jackie Irvin", meeting.MinuteTaker);
            Assert.Equal(64, meeting.ImportedFromHash!.Length);
            Assert.Equal(["John Campion", "Tracey Onslow", "Anthony Bangham", "Andy Champness"],
                meeting.Attendees.Where(a => a.Attendance == Attendance.Present).OrderBy(a => a.Order).Select(a => a.Name));
            var apology = Assert.Single(meeting.Attendees, a => a.Attendance == Attendance.Apologies);
            Assert.Equal("Chris Singer", apology.Name);
            Assert.Null(apology.PersonId);
            var bangham = await db.People.SingleAsync(p => p.Name == "Anthony Bangham");
            Assert.Equal(bangham.Id, meeting.Attendees.Single(a => a.Name == "Anthony Bangham").PersonId);
            Assert.Contains(meeting.AgendaItems, i => i.Number == "4a.1" && i.Section == "4a" && i.Title.StartsWith("Building a more secure", StringComparison.Ordinal));
            Assert.DoesNotContain(meeting.AgendaItems, i => i.Number is "4" or "4a");
        }

        var register = await Actions.FindAsync(new ActionFilter(SeriesId: _register.SeriesId));
        Assert.Equal(3, register.Total);
        var jpp = (await Actions.GetAsync("2017/01"))!.Action;
        Assert.StartsWith("An update on JPP", jpp.Text, StringComparison.Ordinal);
        Assert.Equal(jul, jpp.DueMeeting?.Id);
        Assert.Equal("1", jpp.ItemNumber);

        var atFebruary = await Actions.OutstandingAtAsync(feb);
        Assert.Equal(["2017/02", "2017/03"], atFebruary.Select(a => a.Reference));
        Assert.All(atFebruary, a => Assert.Equal("4a.1", a.ItemNumber));
        Assert.Contains("2017/01", (await Actions.OutstandingAtAsync(jul)).Select(a => a.Reference));
    }

    [Fact]
    public async Task References_continue_the_years_sequence()
    {
        var december = await _register.MeetingAsync(new DateOnly(2016, 12, 20));
        var earlier = await _register.MeetingAsync(new DateOnly(2017, 1, 10));
        await _register.ActionAsync(earlier, "An action raised before the import", "next meeting");
        await _register.ActionAsync(december, "An action of 2016", "next meeting");

        var result = await Import.CommitAsync(NotesTestFiles.ParseSeed("000_99665aecc8bf7cf6.txt"), ImportCorrections.None, RegisterBuilder.Secretariat);

        Assert.Equal(["2017/02", "2017/03", "2017/04"], result.Actions.Select(a => a.Reference));
    }

    [Fact]
    public async Task The_March_2017_seed_needs_its_date_and_then_commits_its_actions_with_joint_owners()
    {
        var draft = NotesTestFiles.ParseSeed("001_09e0fd574892be37.txt");
        var refused = await Assert.ThrowsAsync<DomainException>(() => Import.CommitAsync(draft, ImportCorrections.None, RegisterBuilder.Secretariat));
        Assert.Contains("meeting date", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.Meetings));

        var result = await Import.CommitAsync(draft,
            new ImportCorrections { Date = new DateOnly(2017, 3, 28), StartTime = new TimeOnly(10, 30), Title = "Monthly Assurance Meeting March 2017" },
            RegisterBuilder.Secretariat);

        Assert.Equal(new DateOnly(2017, 3, 28), result.Date);
        Assert.Collection(result.Actions,
            a => { Assert.Equal(["PCC"], a.Owners); Assert.StartsWith("PCC to review sickness levels", a.Text, StringComparison.Ordinal); },
            a => { Assert.Equal(["CC", "PCC"], a.Owners); Assert.Contains("future weekly meeting", a.Text, StringComparison.Ordinal); });
        var weekly = (await Actions.GetAsync(result.Actions[1].Reference))!.Action;
        Assert.Equal("5", weekly.ItemNumber);
        Assert.True(weekly.NeedsDuePoint);
        Assert.Equal("at a future weekly meeting", weekly.DuePhrase);
    }

    [Fact]
    public async Task The_June_2016_seed_refuses_an_action_without_owner_until_the_review_names_one()
    {
        var july = await _register.MeetingAsync(new DateOnly(2016, 7, 26), MeetingStatus.Planned);
        var draft = NotesTestFiles.ParseSeed("003_2a4d8154e2dc64d4.txt");

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => Import.CommitAsync(draft, ImportCorrections.None, RegisterBuilder.Secretariat));
        Assert.Contains(refused.Problems, p => p.Contains("Action 1", StringComparison.Ordinal) && p.Contains("no owner", StringComparison.Ordinal));
        Assert.Equal(1, await CountAsync(db => db.Meetings));

        var owner = new Dictionary<int, ActionCorrection> { [0] = new(Owners: ["DCC"]) };
        var result = await Import.CommitAsync(draft, new ImportCorrections { Actions = owner }, RegisterBuilder.Secretariat);

        Assert.Collection(result.Actions,
            a => { Assert.Equal(ImportedActionOutcome.Raised, a.Outcome); Assert.Equal(["DCC"], a.Owners); Assert.Equal("2016/01", a.Reference); },
            a => { Assert.Equal(ImportedActionOutcome.RaisedAndClosed, a.Outcome); Assert.Equal(["CC", "PCC"], a.Owners); });
        Assert.Contains(result.Notes, n => n.Contains("4a.3", StringComparison.Ordinal) && n.Contains("deferred", StringComparison.Ordinal));
        Assert.Equal(["2016/01"], (await Actions.OutstandingAtAsync(july)).Select(a => a.Reference));
        var press = (await Actions.GetAsync(result.Actions[1].Reference))!;
        Assert.Equal(ActionStatus.Closed, press.Action.Status);
        Assert.Equal(new DateOnly(2016, 6, 28), press.Action.ClosedOn);
        await using var db = await _db.CreateContextAsync();
        Assert.True((await db.AgendaItems.SingleAsync(i => i.MeetingId == result.MeetingId && i.Number == "4a.3")).Deferred);
        Assert.Equal(["Andy Champness", "Anthony Bangham", "David Shaw", "John Campion"],
            (await db.MeetingAttendees.Where(a => a.MeetingId == result.MeetingId).Select(a => a.Name).ToListAsync()).Order());
    }

    [Fact]
    public async Task Brought_forward_updates_continue_the_registers_actions_and_close_the_completed_one()
    {
        var april = await _register.MeetingAsync(new DateOnly(2017, 4, 25));
        var june = await _register.MeetingAsync(new DateOnly(2017, 6, 27), MeetingStatus.Planned);
        for (var i = 1; i <= 7; i++)
        {
            var text = i switch
            {
                4 => "DCC to review the custody estate",
                7 => "ACC to confirm the roll out date for mobile data terminals.",
                _ => $"Filler action {i}",
            };
            await _register.ActionAsync(april, text, "to the May meeting", null, i == 7 ? "ACC" : "DCC");
        }

        var result = await Import.CommitAsync(NotesTestFiles.ParseVariety("v03_brought_forward_updates.txt"), ImportCorrections.None, RegisterBuilder.Secretariat);

        Assert.Collection(result.Actions,
            a => { Assert.Equal("2017/04", a.Reference); Assert.Equal(ImportedActionOutcome.Updated, a.Outcome); },
            a => { Assert.Equal("2017/07", a.Reference); Assert.Equal(ImportedActionOutcome.Closed, a.Outcome); });
        Assert.Equal(7, (await Actions.FindAsync(new ActionFilter())).Total);
        var custody = (await Actions.GetAsync("2017/04"))!;
        Assert.Equal(ActionStatus.UpdateProvided, custody.Action.Status);
        var update = Assert.Single(custody.Updates);
        Assert.Equal(new DateOnly(2017, 4, 12), update.Date);
        Assert.Equal(result.MeetingId, update.MeetingId);
        Assert.StartsWith("Options paper drafted", update.Text, StringComparison.Ordinal);
        var terminals = (await Actions.GetAsync("2017/07"))!;
        Assert.Equal(ActionStatus.Closed, terminals.Action.Status);
        Assert.Equal(new DateOnly(2017, 5, 30), terminals.Action.ClosedOn);
        var atJune = (await Actions.OutstandingAtAsync(june)).Select(a => a.Reference).ToList();
        Assert.Contains("2017/04", atJune);
        Assert.DoesNotContain("2017/07", atJune);
    }

    private async Task<int> CountAsync<T>(Func<AppDbContext, IQueryable<T>> set)
    {
        await using var db = await _db.CreateContextAsync();
        return await set(db).CountAsync();
    }
}
