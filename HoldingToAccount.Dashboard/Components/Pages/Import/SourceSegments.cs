using HoldingToAccount.Core.Import;

namespace HoldingToAccount.Dashboard.Components.Pages.Import;

/// <summary>What a stretch of the source text was read as; later kinds are drawn over earlier ones.</summary>
public enum SpanKind { None, Header, Item, Person, Action, Due, Owner }

/// <summary>A run of the source text with one highlight. Rendered as text, never as markup.</summary>
public sealed record SourceSegment(string Text, SpanKind Kind, int? Action);

public static class SourceSegments
{
    /// <summary>Cuts the draft's source text into runs by the spans the parser recorded (owners and due phrases over actions over the rest).</summary>
    public static IReadOnlyList<SourceSegment> Of(ImportDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var text = draft.SourceText;
        var kinds = new SpanKind[text.Length];
        var actions = new int[text.Length];
        void Mark(SourceSpan? span, SpanKind kind, int action = 0)
        {
            if (span is not { } s)
                return;
            var end = Math.Min(text.Length, s.End);
            for (var i = Math.Max(0, s.Start); i < end; i++)
            {
                if (kind >= kinds[i])
                    kinds[i] = kind;
                if (action > 0)
                    actions[i] = action;
            }
        }

        foreach (var header in new SourceSpan?[] { draft.Title?.Span, draft.Date?.Span, draft.StartTime?.Span, draft.Venue?.Span, draft.Chair?.Span, draft.MinuteTaker?.Span, draft.NextMeeting?.Span })
            Mark(header, SpanKind.Header);
        foreach (var item in draft.Items)
            Mark(item.Span, SpanKind.Item);
        foreach (var person in draft.Attendees.Concat(draft.Apologies))
        {
            Mark(person.Span, SpanKind.Person);
            Mark(person.CapacitySpan, SpanKind.Person);
        }
        for (var i = 0; i < draft.Actions.Count; i++)
        {
            var action = draft.Actions[i];
            Mark(action.Span, SpanKind.Action, i + 1);
            foreach (var update in action.Updates)
                Mark(update.Span, SpanKind.Action, i + 1);
            Mark(action.Due.Span, SpanKind.Due, i + 1);
            Mark(action.OwnerSpan, SpanKind.Owner, i + 1);
        }

        var segments = new List<SourceSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && kinds[i] == kinds[start] && actions[i] == actions[start])
                continue;
            segments.Add(new SourceSegment(text[start..i], kinds[start], actions[start] == 0 ? null : actions[start] - 1));
            start = i;
        }
        return segments;
    }
}
