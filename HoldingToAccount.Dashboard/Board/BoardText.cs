using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Dashboard.Board;

/// <summary>The board's wording, kept short for reading across a room.</summary>
public static class BoardText
{
    /// <summary>"Due at the February 2027 meeting (“to the February meeting”)", "Due by 3 Mar 2017", …
    /// A carried action also says where it was first due: "First due: February 2017 meeting · now due at the February 2027 meeting".</summary>
    public static string Due(ActionRow action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = DueNow(action);
        return DueHistoryText.FirstDueElsewhere(action) is { } first
            ? $"First due: {first} · now {char.ToLowerInvariant(now[0])}{now[1..]}"
            : now;
    }

    private static string DueNow(ActionRow action)
    {
        var phrase = action.DuePhrase is { Length: > 0 } p ? $" (“{p}”)" : "";
        if (action.DueMeeting is { } meeting)
            return $"Due at the {London.Month(meeting.Date)} meeting{phrase}";
        if (action.DueDate is { } date)
            return $"Due by {London.ShortDate(date)}{phrase}";
        return action.DuePhrase is { Length: > 0 } only ? $"Due: {only}" : "No due point yet";
    }

    /// <summary>The text cut at a word before <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
            return flat;
        var cut = flat.LastIndexOf(' ', max);
        return flat[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ':', '.') + "…";
    }

    public static string Decided(Decision decision) => MeetingDecisions.Word(decision).ToLowerInvariant();

    /// <summary>"To decide: 3 of 5 · closed 1 · carried 1".</summary>
    public static string Tally(DecisionTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return string.Join(" · ", tally.Decided.Select(d => $"{Decided(d.Decision)} {d.Count}").Prepend($"To decide: {tally.ToDecide} of {tally.BroughtForward}"));
    }

    /// <summary>The item timer in whole minutes, as a room reads it: "under 1 min", "1 min", "12 min", "1 h 05 min".</summary>
    public static string Minutes(TimeSpan span)
    {
        var minutes = (int)Math.Max(0, span.TotalMinutes);
        return minutes switch
        {
            0 => "under 1 min",
            < 60 => $"{minutes} min",
            _ => $"{minutes / 60} h {minutes % 60:00} min",
        };
    }
}
