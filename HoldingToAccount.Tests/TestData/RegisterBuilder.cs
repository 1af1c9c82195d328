using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Tests.TestData;

/// <summary>Builds a small register with sensible defaults: one monthly series, the chief officer roles, meetings on request.</summary>
public sealed class RegisterBuilder(TestDatabase database)
{
    public static readonly Actor Secretariat = new("Sam Carter", AccessLevel.Secretariat);

    public int SeriesId { get; private set; }

    public static async Task<RegisterBuilder> CreateAsync(TestDatabase database)
    {
        var builder = new RegisterBuilder(database);
        await using var db = await database.CreateContextAsync();
        db.Roles.AddRange(
            new Role { Code = "PCC", Title = "Police and Crime Commissioner" },
            new Role { Code = "CC", Title = "Chief Constable" },
            new Role { Code = "DCC", Title = "Deputy Chief Constable" },
            new Role { Code = "ACC", Title = "Assistant Chief Constable" });
        var series = new MeetingSeries
        {
            Name = "Monthly Assurance Meeting",
            Kind = "Monthly assurance",
            Recurrence = "last Tuesday monthly 10:30",
            DefaultVenue = "PCC Conference Room",
            Sections = [new AgendaSection { Number = "1", Title = "Outstanding matters", Order = 1, Purpose = SectionPurpose.BroughtForward }],
        };
        db.Series.Add(series);
        await db.SaveChangesAsync();
        builder.SeriesId = series.Id;
        return builder;
    }

    /// <summary>
    /// A thematic series whose agenda lists the actions brought forward in section 2 and gives the next session in
    /// section 5, under titles that name neither.
    /// </summary>
    public async Task<int> ThematicSeriesAsync()
    {
        await using var db = await database.CreateContextAsync();
        var series = new MeetingSeries
        {
            Name = "Thematic: Rural Crime",
            Kind = "Thematic",
            Sections =
            [
                new AgendaSection { Number = "1", Title = "Introduction and purpose", Order = 1 },
                new AgendaSection { Number = "2", Title = "Actions from earlier sessions", Order = 2, Purpose = SectionPurpose.BroughtForward },
                new AgendaSection { Number = "3", Title = "Questions and challenge", Order = 3 },
                new AgendaSection { Number = "5", Title = "When we meet again", Order = 5, Purpose = SectionPurpose.NextMeeting },
            ],
        };
        db.Series.Add(series);
        await db.SaveChangesAsync();
        return series.Id;
    }

    public async Task<int> MeetingAsync(DateOnly date, MeetingStatus status = MeetingStatus.Held, int? seriesId = null)
    {
        await using var db = await database.CreateContextAsync();
        var meeting = new Meeting
        {
            SeriesId = seriesId ?? SeriesId,
            Title = $"Monthly Assurance Meeting {date:MMMM yyyy}",
            Date = date,
            StartTime = new TimeOnly(10, 30),
            Status = status,
            Version = 1,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    public Task<ActionRow> ActionAsync(int raisedAt, string text, string? due = null, int? dueMeetingId = null, params string[] owners) =>
        database.Get<ActionService>().RaiseAsync(
            new NewAction(raisedAt, text, owners.Length == 0 ? ["CC"] : owners, due, dueMeetingId), Secretariat);

    public async Task<IReadOnlyList<string>> OutstandingAtAsync(int meetingId) =>
        (await database.Get<ActionService>().OutstandingAtAsync(meetingId)).Select(a => a.Text).ToList();
}
