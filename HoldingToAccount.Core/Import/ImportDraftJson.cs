using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// The draft in the JSON shape the CLI and API promise (camelCase, dates YYYY-MM-DD, times HH:mm, due meetings YYYY-MM,
/// owners as role codes). Spans ride along as extra <c>span</c> properties ({start, length} in the normalised text).
/// </summary>
public static class ImportDraftJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    public static string Serialize(ImportDraft draft) => JsonSerializer.Serialize(ToDocument(draft), _options);

    public static Document ToDocument(ImportDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new Document(
            draft.Title?.Value,
            Day(draft.Date?.Value),
            Time(draft.StartTime?.Value),
            draft.Venue?.Value,
            draft.Chair?.Value,
            draft.MinuteTaker?.Value,
            draft.Attendees.Select(Person).ToList(),
            draft.Apologies.Select(Person).ToList(),
            draft.Items.Select(i => new Item(i.Number, i.Title, i.Deferred, Span(i.Span))).ToList(),
            draft.Actions.Select(Action).ToList(),
            draft.NextMeeting is { } next
                ? new NextMeetingDocument(Day(next.Date), Time(next.StartTime), next.Title, Span(next.Span))
                : new NextMeetingDocument(null, null, null, null),
            draft.Warnings.ToList(),
            new Spans(Span(draft.Title?.Span), Span(draft.Date?.Span), Span(draft.StartTime?.Span), Span(draft.Venue?.Span),
                Span(draft.Chair?.Span), Span(draft.MinuteTaker?.Span)));
    }

    private static PersonDocument Person(DraftPerson person) =>
        new(person.Name, person.Capacity, person.Role, person.Initials, Span(person.Span), Span(person.CapacitySpan));

    private static ActionDocument Action(DraftAction action) => new(
        action.Text,
        action.Owners.ToList(),
        action.ItemNumber,
        action.BroughtForward,
        action.Status.ToString().ToLowerInvariant(),
        new DueDocument(action.Due.Phrase, Day(action.Due.Date), action.Due.Meeting?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            action.Due.Kind == DueTargetKind.Unrecognised ? null : Camel(action.Due.Kind.ToString()), Span(action.Due.Span)),
        action.Updates.Select(u => new UpdateDocument(Day(u.Date), u.Text, Span(u.Span))).ToList(),
        Span(action.Span),
        Span(action.OwnerSpan));

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static SpanDocument? Span(SourceSpan? span) => span is { } s ? new SpanDocument(s.Start, s.Length) : null;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public sealed record Document(
        string? Title, string? Date, string? StartTime, string? Venue, string? Chair, string? MinuteTaker,
        IReadOnlyList<PersonDocument> Attendees, IReadOnlyList<PersonDocument> Apologies, IReadOnlyList<Item> Items,
        IReadOnlyList<ActionDocument> Actions, NextMeetingDocument NextMeeting, IReadOnlyList<string> Warnings, Spans Spans);

    public sealed record PersonDocument(string Name, string? Capacity, string? Role, string? Initials, SpanDocument? Span, SpanDocument? CapacitySpan);

    public sealed record Item(string Number, string Title, bool Deferred, SpanDocument? Span);

    public sealed record ActionDocument(
        string Text, IReadOnlyList<string> Owners, string? ItemNumber, bool BroughtForward, string Status, DueDocument Due,
        IReadOnlyList<UpdateDocument> Updates, SpanDocument? Span, SpanDocument? OwnerSpan);

    public sealed record DueDocument(string? Phrase, string? Date, string? Meeting, string? Kind, SpanDocument? Span);

    public sealed record UpdateDocument(string? Date, string Text, SpanDocument? Span);

    public sealed record NextMeetingDocument(string? Date, string? StartTime, string? Title, SpanDocument? Span);

    public sealed record SpanDocument(int Start, int Length);

    public sealed record Spans(SpanDocument? Title, SpanDocument? Date, SpanDocument? StartTime, SpanDocument? Venue, SpanDocument? Chair, SpanDocument? MinuteTaker);
}
