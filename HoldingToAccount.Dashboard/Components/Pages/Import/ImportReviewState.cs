using HoldingToAccount.Core;
using HoldingToAccount.Core.Import;

namespace HoldingToAccount.Dashboard.Components.Pages.Import;

/// <summary>What the person reviewing a draft has chosen so far; <see cref="ToCorrections"/> hands it to Core.</summary>
public sealed class ImportReviewState
{
    public ImportReviewState(string fileName, ImportDraft draft, ImportOptions options, ImportReview review)
    {
        FileName = fileName;
        Draft = draft;
        SeriesId = options.Series.FirstOrDefault()?.Id;
        Date = draft.Date?.Value.ToDateTime(TimeOnly.MinValue);
        StartTime = draft.StartTime?.Value.ToTimeSpan();
        Title = draft.Title?.Value;
        Venue = draft.Venue?.Value;
        Chair = draft.Chair?.Value;
        Attendees = review.AttendeeMatches.Select((id, i) => (i, id)).ToDictionary(p => p.i, p => p.id);
        Apologies = review.ApologyMatches.Select((id, i) => (i, id)).ToDictionary(p => p.i, p => p.id);
        Actions = draft.Actions.Select((a, i) => new ActionEdit
        {
            Text = a.Text,
            Owners = review.Actions[i].Owners.ToHashSet(),
            UnknownOwners = review.Actions[i].UnknownOwners,
            DuePhrase = a.Due.Phrase,
            Skip = a.IsDeferralOnly(a.Owners),
        }).ToList();
    }

    public string FileName { get; }
    public ImportDraft Draft { get; }
    public int? SeriesId { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? StartTime { get; set; }
    public string? Title { get; set; }
    public string? Venue { get; set; }
    public string? Chair { get; set; }
    public Dictionary<int, int?> Attendees { get; }
    public Dictionary<int, int?> Apologies { get; }
    public List<ActionEdit> Actions { get; }

    /// <summary>The register actions offered to the brought-forward actions, for the series and date they were asked for.</summary>
    public RegisterLinks Links { get; private set; } = new(null, null, [], []);

    /// <summary>True when <see cref="Links"/> were asked for another series or date than the meeting now has.</summary>
    public bool MeetingMoved => Links.SeriesId != SeriesId || Links.Date != MeetingDate;

    /// <summary>True when the links no longer answer the review as it stands: the meeting moved, or a brought-forward
    /// action the reviewer has not linked by hand is worded differently from when it was matched.</summary>
    public bool LinksOutOfDate => MeetingMoved || Enumerable.Range(0, Actions.Count).Any(Reworded);

    /// <summary>The brought-forward action <paramref name="index"/>, not linked by hand, now reads differently from the
    /// wording its match was found for.</summary>
    public bool Reworded(int index) => Draft.Actions[index].BroughtForward && !Actions[index].LinkedByHand
        && Links.Reworded(index, Actions[index].Text);

    public DateOnly? MeetingDate => Date is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>
    /// Takes the register actions Core offers for the meeting's series and date: a link chosen by hand stays while its action
    /// is still offered; otherwise each brought-forward action takes Core's match. A link lost that way is cleared with a note saying so.
    /// </summary>
    public void ApplyLinks(RegisterLinks links, string? seriesName)
    {
        ArgumentNullException.ThrowIfNull(links);
        var moved = links.SeriesId != Links.SeriesId || links.Date != Links.Date;
        var reworded = Enumerable.Range(0, Actions.Count).Where(Reworded).ToHashSet();
        Links = links;
        for (var i = 0; i < Actions.Count; i++)
        {
            var edit = Actions[i];
            if (!Draft.Actions[i].BroughtForward)
                continue;
            var before = edit.ExistingReference;
            if (!moved && reworded.Contains(i) && !edit.LinkedByHand)
            {
                edit.ExistingReference = links.MatchFor(i);
                edit.LinkNotice = edit.ExistingReference == before ? edit.LinkNotice
                    : edit.ExistingReference is { } now ? $"Reworded: it now continues {now}, which matches the new wording; choose another if that is wrong."
                    : $"Reworded: no open register action matches the new wording{(before is null ? "" : $", so it no longer continues {before}")}. Choose one, or leave it to be raised as new.";
                continue;
            }
            if (edit.LinkedByHand && (before is null || links.Offers(before)))
            {
                edit.LinkNotice = null;
                continue;
            }
            // A hand-chosen action no longer offered is cleared rather than swapped for a guess.
            var lost = before is not null && !links.Offers(before);
            edit.ExistingReference = lost && edit.LinkedByHand ? null : links.MatchFor(i);
            edit.LinkedByHand = false;
            edit.LinkNotice = lost
                ? $"This action is no longer linked to {before}: that action is not open in {seriesName ?? "the chosen series"}"
                    + (links.Date is { } d ? $" before {London.ShortDate(d)}" : "") + ". "
                    + (edit.ExistingReference is { } next ? $"It now continues {next}, which matches it; choose another if that is wrong." : "Please choose another register action, or leave it to be raised as new.")
                : null;
        }
    }

    /// <summary>The draft action whose spans the source view shows most strongly.</summary>
    public int? Selected { get; set; }

    public ImportCorrections ToCorrections(bool update) => new()
    {
        SeriesId = SeriesId,
        Date = Date is { } d ? DateOnly.FromDateTime(d) : null,
        StartTime = StartTime is { } t ? TimeOnly.FromTimeSpan(t) : null,
        Title = Blank(Title),
        Venue = Blank(Venue),
        Chair = Blank(Chair),
        Attendees = Attendees,
        Apologies = Apologies,
        Actions = Actions.Select((a, i) => (i, a)).ToDictionary(p => p.i, p => new ActionCorrection(
            Text: p.a.Text,
            Owners: p.a.Owners.Order().ToList(),
            DueMeetingId: p.a.DueMeetingId,
            DuePhrase: Blank(p.a.DuePhrase),
            ExistingReference: Draft.Actions[p.i].BroughtForward ? Blank(p.a.ExistingReference) : null,
            Skip: p.a.Skip,
            NotInRegister: Draft.Actions[p.i].BroughtForward && Blank(p.a.ExistingReference) is null)),
        Update = update,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class ActionEdit
{
    public string Text { get; set; } = "";
    public IReadOnlyCollection<string> Owners { get; set; } = [];
    public IReadOnlyList<string> UnknownOwners { get; init; } = [];
    public int? DueMeetingId { get; set; }
    public string? DuePhrase { get; set; }
    public bool Skip { get; set; }

    /// <summary>For a brought-forward action: the register action it continues ("2017/04"), or null to raise it as new.</summary>
    public string? ExistingReference { get; set; }

    /// <summary>The reviewer chose <see cref="ExistingReference"/> (or "not in the register") themselves: a new suggestion does not replace it.</summary>
    public bool LinkedByHand { get; set; }

    /// <summary>Why a link was cleared when the meeting moved to another series or date; null when nothing was.</summary>
    public string? LinkNotice { get; set; }

    public void ChooseLink(string? reference)
    {
        ExistingReference = reference;
        LinkedByHand = true;
        LinkNotice = null;
    }
}
