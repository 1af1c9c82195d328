using System.Linq.Expressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Publishing;

/// <summary>
/// What the public may read: the notes of a meeting whose series is public and whose notes the secretariat has
/// published (and not withdrawn), and the actions raised at such a meeting unless the action, or the agenda item it
/// was raised under, is restricted. The public pages, the feed, the public notes export and the tests all ask here.
/// </summary>
public static class PublicRecord
{
    public static readonly Expression<Func<Meeting, bool>> PublishedMeeting =
        m => m.Series.IsPublic && m.Status == MeetingStatus.Published && m.PublishedAt != null;

    /// <summary>An action that may appear in public notes: neither it nor its agenda item is restricted.</summary>
    public static readonly Expression<Func<ActionItem, bool>> ShownAction =
        a => !a.Restricted && (a.RaisedAtAgendaItem == null || !a.RaisedAtAgendaItem.Restricted);

    /// <summary>An action on the public action log: shown, and raised at a published meeting of a public series.</summary>
    public static readonly Expression<Func<ActionItem, bool>> LoggedAction =
        a => !a.Restricted && (a.RaisedAtAgendaItem == null || !a.RaisedAtAgendaItem.Restricted)
            && a.RaisedAtMeeting.Series.IsPublic && a.RaisedAtMeeting.Status == MeetingStatus.Published && a.RaisedAtMeeting.PublishedAt != null;

    private static readonly Func<Meeting, bool> _isPublished = PublishedMeeting.Compile();

    /// <summary>The rule on a loaded meeting (with its series).</summary>
    public static bool IsPublished(Meeting meeting) => _isPublished(meeting);

    /// <summary>The status the public sees: the office's own workflow (update provided, proposed complete) reads as open.</summary>
    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.Closed => "Closed",
        ActionStatus.Cancelled => "Withdrawn",
        _ => "Open",
    };

    /// <summary>Only a held meeting's notes can be published: a planned meeting has none yet, a cancelled one none at all.</summary>
    public static bool CanPublish(MeetingStatus status) => status == MeetingStatus.Held;
}
