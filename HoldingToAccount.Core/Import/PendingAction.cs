using System.Text;

namespace HoldingToAccount.Core.Import;

/// <summary>An action while the notes are being read: its lines are gathered first, its due point resolved at the end.</summary>
internal sealed class PendingAction(string? itemNumber, bool broughtForward)
{
    public List<NoteLine> Lines { get; } = [];

    public List<string> Owners { get; } = [];

    public SourceSpan? OwnerSpan { get; private set; }

    public bool ForceTakenAsCc { get; private set; }

    public string? ItemNumber { get; } = itemNumber;

    public bool BroughtForward { get; set; } = broughtForward;

    public DraftActionStatus Status { get; set; } = DraftActionStatus.Open;

    /// <summary>The lead-in line of the block ("The following two actions to be brought back to the February meeting:").</summary>
    public NoteLine? LeadIn { get; set; }

    public List<DraftUpdate> Updates { get; } = [];

    public bool HasOwners => Owners.Count > 0;

    public bool EndsSentence => Lines.Count > 0 && TextRules.EndsSentence(Lines[^1].Text);

    public void SetOwners(OwnerMatch owners)
    {
        Owners.Clear();
        Owners.AddRange(owners.Owners);
        OwnerSpan = owners.Span;
        ForceTakenAsCc = owners.ForceTakenAsCc;
    }

    /// <summary>The lines joined by one space, with a map back to source offsets.</summary>
    public (string Text, Func<int, int> ToSource) Joined()
    {
        var builder = new StringBuilder();
        var starts = new List<(int Joined, int Source)>();
        foreach (var line in Lines)
        {
            if (builder.Length > 0)
                builder.Append(' ');
            starts.Add((builder.Length, line.Start));
            builder.Append(line.Text);
        }
        return (builder.ToString(), offset =>
        {
            var segment = starts.FindLast(s => s.Joined <= offset);
            return segment.Source + (offset - segment.Joined);
        });
    }

    public SourceSpan Span => Lines.Count == 0 ? default : SourceSpan.Between(Lines[0].Start, Lines[^1].Start + Lines[^1].Length);
}
