using System.ComponentModel.DataAnnotations;

namespace HoldingToAccount.Core.Actions;

public sealed record MeetingRef(int Id, string Title, DateOnly Date);

/// <summary>The action's latest history entry; <paramref name="MeetingId"/>: the meeting it was recorded at, if any.</summary>
public sealed record LatestUpdate(DateOnly Date, string Text, string Author, Decision Decision, int? MeetingId, UpdateChannel Channel = UpdateChannel.App)
{
    public string PostedBy => UpdateChannels.PostedBy(Author, Channel);
}

public static class UpdateChannels
{
    /// <summary>Who posted an update, and how when it was not typed in the app: "Anthony Bangham, by e-mail".</summary>
    public static string PostedBy(string author, UpdateChannel channel) => channel == UpdateChannel.Email ? $"{author}, by e-mail" : author;
}

/// <summary>Where an action is (or was) due: the kind, the wording, the date, and the meeting that binds to now.</summary>
public sealed record DuePoint(DueKind Kind, string? Phrase, DateOnly? Date, MeetingRef? Meeting)
{
    public bool SamePlaceAs(DuePoint other) =>
        Meeting is not null || other.Meeting is not null
            ? Meeting?.Id == other.Meeting?.Id
            : Kind == other.Kind && Date == other.Date;
}

/// <summary>One action as the register, the meeting pages and the API show it.</summary>
public sealed record ActionRow(
    int Id,
    int Year,
    int Sequence,
    string Text,
    ActionKind Kind,
    IReadOnlyList<string> Owners,
    MeetingRef RaisedAt,
    string? ItemNumber,
    string? ItemTitle,
    DueKind DueKind,
    string? DuePhrase,
    DateOnly? DueDate,
    MeetingRef? DueMeeting,
    ActionStatus Status,
    int TimesCarried,
    LatestUpdate? LatestUpdate,
    DateOnly? ClosedOn,
    int Version,
    DuePoint? FirstDue = null)
{
    public string Reference => ActionReference.Format(Year, Sequence);

    /// <summary>The due point in force now; <see cref="FirstDue"/> is the one first agreed, kept through carrying.</summary>
    public DuePoint NowDue => new(DueKind, DuePhrase, DueDate, DueMeeting);
    public bool NeedsDuePoint => DueKind == DueKind.None;

    /// <summary>Still open but now due after the meeting of <paramref name="meetingDate"/>: carried, deferred or re-dated
    /// there, so it stays on that meeting's list, already dealt with.</summary>
    public bool MovedOnFrom(DateOnly meetingDate) =>
        Status.IsOpen() && (DueMeeting?.Date ?? DueDate) is { } due && due > meetingDate;

    /// <summary>Brought forward to the meeting of <paramref name="meetingDate"/> and not yet closed, cancelled or moved on there.</summary>
    public bool StillToDecideAt(DateOnly meetingDate) => Status.IsOpen() && !MovedOnFrom(meetingDate);
}

public sealed record ActionUpdateRow(DateOnly Date, string Text, string Author, int? MeetingId, ActionStatus? NewStatus, Decision Decision,
    UpdateChannel Channel = UpdateChannel.App)
{
    public string PostedBy => UpdateChannels.PostedBy(Author, Channel);
}

/// <summary>A correction of an action recorded wrongly; null leaves that part as it is.</summary>
public sealed record CorrectedFields(string? Text = null, IReadOnlyList<string>? OwnerCodes = null, string? DuePhrase = null, int? DueMeetingId = null);

public sealed record ActionDetail(ActionRow Action, IReadOnlyList<ActionUpdateRow> Updates);

/// <summary>The register's simple filter. <paramref name="Reader"/>: who reads the rows, for <see cref="Publishing.Restriction"/>
/// (null: the product itself, which reads everything).</summary>
public sealed record ActionFilter(
    string? Owner = null,
    ActionStatus? Status = null,
    string? Text = null,
    int? SeriesId = null,
    bool OpenOnly = false,
    Access.Actor? Reader = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Page <paramref name="Number"/> (from 1) of <paramref name="Size"/> rows: exactly the rows of that page, none when it is past the end.</summary>
public sealed record NumberedPage<T>(IReadOnlyList<T> Items, int Total, int Number, int Size);

/// <summary>What a person enters to raise an action. The due point is a phrase, a meeting, or both.
/// <paramref name="RaisedOn"/>: the day it was raised when that is after the meeting it is recorded against (a revisit
/// scheduled between meetings); it gives the reference year and the day "in N months" counts from.</summary>
public sealed record NewAction(
    int RaisedAtMeetingId,
    [property: Required(ErrorMessage = "Write what the action is.")]
    [property: MaxLength(InputLimits.ActionText, ErrorMessage = "An action can be at most {1} characters.")]
    string Text,
    IReadOnlyList<string> OwnerCodes,
    [property: MaxLength(InputLimits.DuePhrase, ErrorMessage = "A due phrase can be at most {1} characters.")] string? DuePhrase = null,
    int? DueMeetingId = null,
    int? AgendaItemId = null,
    ActionKind Kind = ActionKind.Action,
    DateOnly? RaisedOn = null);
