using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Publishing;

/// <summary>A meeting on the public list: its notes were published at <paramref name="PublishedAtUtc"/>.</summary>
public sealed record PublicMeeting(int Id, string SeriesName, string Title, DateOnly Date, TimeOnly StartTime, DateTime PublishedAtUtc);

/// <summary>An owner as the public sees it: the office, never the person holding it.</summary>
public sealed record PublicOwner(string Code, string Title);

/// <summary>One line of the public action log.</summary>
public sealed record PublicAction(
    string Reference,
    string Text,
    IReadOnlyList<PublicOwner> Owners,
    PublicMeeting RaisedAt,
    string? ItemNumber,
    string Due,
    string Status,
    DateOnly? ClosedOn);

/// <summary>Where a meeting stands on the public pages, for the secretariat's meeting page.</summary>
public sealed record PublicationState(
    int MeetingId,
    int SeriesId,
    string SeriesName,
    bool SeriesIsPublic,
    Meetings.MeetingStatus Status,
    int Version,
    DateTime? PublishedAtUtc,
    DateTime? WithdrawnAtUtc,
    string? WithdrawnReason,
    IReadOnlyList<RestrictableAction> ActionsArising)
{
    public bool IsPublished => PublishedAtUtc is not null && Status == Meetings.MeetingStatus.Published;

    public bool IsPublic => IsPublished && SeriesIsPublic;

    public bool CanPublish => PublicRecord.CanPublish(Status);
}

/// <summary>An action raised at the meeting, with whether it (or its item) keeps it out of the public notes.</summary>
public sealed record RestrictableAction(int Id, string Reference, string Text, string? ItemNumber, bool Restricted, bool ItemRestricted, ActionStatus Status);
