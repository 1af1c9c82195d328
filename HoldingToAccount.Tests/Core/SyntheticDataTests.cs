using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Core;

/// <summary>Generated volume data, written to a real SQLite file with the clock on 1 June 2024.</summary>
[Needs(Need.Database)]
public sealed class SyntheticDataTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static SyntheticData Generator(TestDatabase database) =>
        ActivatorUtilities.CreateInstance<SyntheticData>(database.Services);

    [Fact]
    public async Task It_generates_the_requested_numbers_of_meetings_and_actions_in_three_series()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        var result = await Generator(database).SeedAsync(meetings: 240, actions: 1_500, randomSeed: 7);

        Assert.True(result.Seeded, result.Message);
        await using var db = await database.CreateContextAsync();
        Assert.Equal(240, await db.Meetings.CountAsync());
        Assert.Equal(1_500, await db.Actions.CountAsync());
        Assert.Equal(3, await db.Series.CountAsync());
        Assert.Equal(3, await db.Series.Select(s => s.Kind).Distinct().CountAsync());
        Assert.True(await db.AgendaSections.CountAsync() >= 3 * 4);
        Assert.True(await db.ActionUpdates.CountAsync() > 1_500);
    }

    [Fact]
    public async Task References_are_unique_and_numbered_from_one_in_each_year_of_the_raising_meeting()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        await Generator(database).SeedAsync(meetings: 150, actions: 1_200, randomSeed: 11);

        await using var db = await database.CreateContextAsync();
        var actions = await db.Actions.Select(a => new { a.Year, a.Sequence, Raised = a.RaisedAtMeeting.Date }).ToListAsync();
        Assert.Equal(actions.Count, actions.Select(a => ActionReference.Format(a.Year, a.Sequence)).Distinct().Count());
        Assert.All(actions, a => Assert.Equal(a.Raised.Year, a.Year));
        foreach (var year in actions.GroupBy(a => a.Year))
            Assert.Equal(Enumerable.Range(1, year.Count()), year.Select(a => a.Sequence).Order());
    }

    [Fact]
    public async Task A_second_run_continues_the_references_after_the_existing_ones()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var generator = Generator(database);

        await generator.SeedAsync(meetings: 60, actions: 400, randomSeed: 1);
        await generator.SeedAsync(meetings: 60, actions: 400, randomSeed: 2);

        await using var db = await database.CreateContextAsync();
        Assert.Equal(800, await db.Actions.CountAsync());
        Assert.Equal(6, await db.Series.CountAsync());
        Assert.Equal(6, await db.Series.Select(s => s.Name).Distinct().CountAsync());
        var references = await db.Actions.Select(a => new { a.Year, a.Sequence }).ToListAsync();
        Assert.Equal(800, references.Distinct().Count());
        foreach (var year in references.GroupBy(a => a.Year))
            Assert.Equal(Enumerable.Range(1, year.Count()), year.Select(a => a.Sequence).Order());
    }

    [Fact]
    public async Task Closed_and_cancelled_actions_record_where_and_when_with_a_closing_update()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        await Generator(database).SeedAsync(meetings: 200, actions: 2_000, randomSeed: 3);

        await using var db = await database.CreateContextAsync();
        var finished = await db.Actions
            .Where(a => a.Status == ActionStatus.Closed || a.Status == ActionStatus.Cancelled)
            .Include(a => a.Updates).Include(a => a.ClosedAtMeeting).Include(a => a.RaisedAtMeeting)
            .AsSplitQuery().ToListAsync();
        Assert.NotEmpty(finished);
        Assert.Contains(finished, a => a.Status == ActionStatus.Cancelled);
        Assert.All(finished, a =>
        {
            Assert.NotNull(a.ClosedOn);
            Assert.NotNull(a.ClosedAtMeeting);
            Assert.Equal(a.ClosedAtMeeting.Date, a.ClosedOn);
            Assert.True(a.ClosedAtMeeting.IsHeld);
            Assert.True(a.ClosedOn > a.RaisedAtMeeting.Date);
            Assert.True(a.ClosedOn < DateOnly.FromDateTime(Now.Date));
            var last = a.Updates.OrderBy(u => u.Date).ThenBy(u => u.Id).Last();
            Assert.Equal(a.Status, last.NewStatus);
            Assert.Equal(a.ClosedAtMeetingId, last.MeetingId);
            Assert.Equal(1 + a.Updates.Count, a.Version);
        });
        Assert.Equal(0, await db.Actions.CountAsync(a => a.ClosedOn != null && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled));
    }

    [Fact]
    public async Task The_history_mixes_statuses_due_points_owners_and_role_holders()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        await Generator(database).SeedAsync(meetings: 300, actions: 2_500, randomSeed: 5);

        await using var db = await database.CreateContextAsync();
        var today = DateOnly.FromDateTime(Now.Date);
        var meetings = await db.Meetings.Select(m => new { m.Date, m.Status }).ToListAsync();
        Assert.All(meetings.Where(m => m.Date >= today), m => Assert.Equal(MeetingStatus.Planned, m.Status));
        Assert.All(meetings.Where(m => m.Date < today), m => Assert.NotEqual(MeetingStatus.Planned, m.Status));
        Assert.Contains(meetings, m => m.Status == MeetingStatus.Cancelled);
        Assert.Contains(meetings, m => m.Status == MeetingStatus.Held);
        Assert.True(meetings.Max(m => m.Date).Year - meetings.Min(m => m.Date).Year >= 3);

        var dueKinds = await db.Actions.GroupBy(a => a.DueKind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(Enum.GetValues<DueKind>().Order(), dueKinds.Select(d => d.Key).Order());
        Assert.True(dueKinds.Single(d => d.Key == DueKind.None).Count < dueKinds.Single(d => d.Key == DueKind.Meeting).Count);
        var statuses = await db.Actions.Select(a => a.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<ActionStatus>().Order(), statuses.Order());
        Assert.Contains(await db.Actions.Select(a => a.Kind).Distinct().ToListAsync(), k => k == ActionKind.Revisit);

        var ownerCounts = await db.Actions.Select(a => a.Owners.Count).ToListAsync();
        Assert.All(ownerCounts, c => Assert.InRange(c, 1, 2));
        Assert.Contains(2, ownerCounts);

        Assert.True(await db.RoleHoldings.AnyAsync(h => h.Temporary));
        Assert.True(await db.RoleHoldings.CountAsync(h => h.Role.Code == "CC") > 1);
        Assert.All(await db.People.Select(p => p.Email).ToListAsync(), e => Assert.EndsWith("@example.org", e, StringComparison.Ordinal));
        var due = await db.Actions.Where(a => a.DueKind == DueKind.Meeting)
            .Select(a => new { Due = a.DueMeeting!.Date, Raised = a.RaisedAtMeeting.Date, Same = a.DueMeeting.SeriesId == a.SeriesId }).ToListAsync();
        Assert.All(due, d => Assert.True(d.Same && d.Due > d.Raised));
    }

    [Fact]
    public async Task Generated_due_phrases_read_the_way_the_due_phrase_parser_reads_them()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        await Generator(database).SeedAsync(meetings: 300, actions: 2_000, randomSeed: 13);

        await using var db = await database.CreateContextAsync();
        var actions = await db.Actions.Where(a => a.DuePhrase != null)
            .Select(a => new { a.DueKind, a.DuePhrase, a.DueDate, DueMeeting = (DateOnly?)a.DueMeeting!.Date, Raised = a.RaisedAtMeeting.Date })
            .ToListAsync();
        Assert.All(actions, a =>
        {
            var parsed = DuePhraseParser.Parse(a.DuePhrase, a.Raised);
            switch (a.DueKind)
            {
                case DueKind.Date:
                    Assert.Equal((DueTargetKind.Date, a.DueDate), (parsed.Kind, parsed.Date));
                    break;
                case DueKind.Meeting when parsed.Kind == DueTargetKind.MeetingInMonth:
                    Assert.Equal(new DateOnly(a.DueMeeting!.Value.Year, a.DueMeeting.Value.Month, 1), parsed.Date);
                    break;
                case DueKind.Meeting:
                    Assert.Equal((DueTargetKind.Date, a.DueMeeting), (parsed.Kind, parsed.Date));
                    break;
                case DueKind.NextMeeting:
                    Assert.Equal(DueTargetKind.NextMeeting, parsed.Kind);
                    break;
                default:
                    Assert.True(parsed.NeedsDuePoint, a.DuePhrase);
                    break;
            }
        });
    }

    [Fact]
    public async Task The_same_seed_and_clock_give_the_same_register()
    {
        await using var first = await TestDatabase.CreateAsync(Now);
        await using var second = await TestDatabase.CreateAsync(Now);

        await Generator(first).SeedAsync(meetings: 120, actions: 900, randomSeed: 42);
        await Generator(second).SeedAsync(meetings: 120, actions: 900, randomSeed: 42);

        Assert.Equal(await SnapshotAsync(first), await SnapshotAsync(second));
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_register()
    {
        await using var first = await TestDatabase.CreateAsync(Now);
        await using var second = await TestDatabase.CreateAsync(Now);

        await Generator(first).SeedAsync(meetings: 50, actions: 200, randomSeed: 1);
        await Generator(second).SeedAsync(meetings: 50, actions: 200, randomSeed: 2);

        Assert.NotEqual(await SnapshotAsync(first), await SnapshotAsync(second));
    }

    [Fact]
    public async Task More_actions_than_one_batch_are_all_written_with_their_owners()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        await Generator(database).SeedAsync(meetings: 400, actions: 12_000, randomSeed: 9);

        await using var db = await database.CreateContextAsync();
        Assert.Equal(12_000, await db.Actions.CountAsync());
        Assert.Equal(0, await db.Actions.CountAsync(a => !a.Owners.Any()));
        Assert.Equal(9, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task One_meeting_and_no_actions_is_a_valid_request()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        var result = await Generator(database).SeedAsync(meetings: 1, actions: 0, randomSeed: 1);

        Assert.True(result.Seeded);
        await using var db = await database.CreateContextAsync();
        var meeting = Assert.Single(await db.Meetings.ToListAsync());
        Assert.True(meeting.IsHeld);
        Assert.Equal(0, await db.Actions.CountAsync());
    }

    [Fact]
    public async Task Actions_raised_at_one_meeting_still_get_their_references()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        await Generator(database).SeedAsync(meetings: 1, actions: 30, randomSeed: 4);

        await using var db = await database.CreateContextAsync();
        Assert.Equal(Enumerable.Range(1, 30), (await db.Actions.Select(a => a.Sequence).ToListAsync()).Order());
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-5, 10)]
    [InlineData(10, -1)]
    [InlineData(SyntheticData.MaxMeetings + 1, 10)]
    [InlineData(10, SyntheticData.MaxActions + 1)]
    public async Task Out_of_range_counts_are_refused_and_nothing_is_written(int meetings, int actions)
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        var error = await Assert.ThrowsAsync<DomainException>(() => Generator(database).SeedAsync(meetings, actions, 1));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        await using var db = await database.CreateContextAsync();
        Assert.Equal(0, await db.Meetings.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task Too_many_actions_for_the_years_covered_are_refused_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(Now);

        await Assert.ThrowsAsync<DomainException>(() => Generator(database).SeedAsync(meetings: 1, actions: 100_000, randomSeed: 1));

        await using var db = await database.CreateContextAsync();
        Assert.Equal(0, await db.Meetings.CountAsync());
        Assert.Equal(0, await db.Series.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Fact]
    public async Task The_generated_register_answers_the_carry_forward_queries()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        await Generator(database).SeedAsync(meetings: 120, actions: 800, randomSeed: 8);
        var meetings = database.Get<MeetingService>();

        var next = await meetings.NextAsync();
        Assert.NotNull(next);
        var detail = await meetings.GetAsync(next.Id);

        Assert.NotNull(detail);
        Assert.All(detail.BroughtForward, a => Assert.Null(a.ClosedOn));
        Assert.All(detail.BroughtForward, a => Assert.True(a.RaisedAt.Date < next.Date));
    }

    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        var people = await db.People.OrderBy(p => p.Id).Select(p => p.Name + "|" + p.Email).ToListAsync();
        var holdings = await db.RoleHoldings.OrderBy(h => h.Id)
            .Select(h => h.Role.Code + "|" + h.PersonId + "|" + h.From + "|" + h.To + "|" + h.Temporary).ToListAsync();
        var meetings = await db.Meetings.OrderBy(m => m.Id)
            .Select(m => m.SeriesId + "|" + m.Date + "|" + m.Title + "|" + m.Status + "|" + m.Chair + "|" + m.AgendaItems.Count + "|" + m.Attendees.Count)
            .ToListAsync();
        var actions = await db.Actions.OrderBy(a => a.Year).ThenBy(a => a.Sequence)
            .Select(a => a.Year + "/" + a.Sequence + "|" + a.Text + "|" + a.Kind + "|" + a.DueKind + "|" + a.DuePhrase + "|" + a.DueDate
                + "|" + a.DueMeetingId + "|" + a.Status + "|" + a.ClosedOn + "|" + a.ClosedAtMeetingId + "|" + a.RaisedAtMeetingId
                + "|" + string.Join(",", a.Owners.OrderBy(o => o.Code).Select(o => o.Code)))
            .ToListAsync();
        var updates = await db.ActionUpdates.OrderBy(u => u.Id)
            .Select(u => u.ActionItemId + "|" + u.Date + "|" + u.Text + "|" + u.Author + "|" + u.MeetingId + "|" + u.NewStatus + "|" + u.RecordedAtUtc)
            .ToListAsync();
        return string.Join("\n", people.Concat(holdings).Concat(meetings).Concat(actions).Concat(updates));
    }
}
