using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Meetings;

public sealed partial class MeetingService
{
    /// <summary>Who attended and who sent apologies, in the order recorded (as the notes list them) and with the person each is linked to: the form
    /// <see cref="SetAttendanceAsync"/> takes back.</summary>
    public async Task<IReadOnlyList<AttendeeInput>> AttendanceForEditAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.MeetingAttendees.AsNoTracking()
            .Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.Order)
            .Select(a => new AttendeeInput(a.Name, a.Capacity, a.Attendance, a.PersonId))
            .ToListAsync(ct);
    }
}
