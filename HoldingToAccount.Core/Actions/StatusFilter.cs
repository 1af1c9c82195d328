namespace HoldingToAccount.Core.Actions;

/// <summary>
/// A status as the register, the API and the exports filter by it. "open" is every action that is not closed or
/// cancelled (<see cref="ActionStatuses.OpenRule"/>): Open, UpdateProvided and ProposedComplete. Every other word picks
/// one status exactly; "awaiting-update" is the status Open itself (raised or reopened, no update since).
/// </summary>
public sealed record StatusFilter
{
    public const string OpenWord = "open";
    public const string AwaitingUpdateWord = "awaiting-update";

    private StatusFilter(ActionStatus? exactly) => Exactly = exactly;

    /// <summary>Not closed or cancelled.</summary>
    public static StatusFilter AnyOpen { get; } = new((ActionStatus?)null);

    /// <summary>The one status to keep; null for <see cref="AnyOpen"/>.</summary>
    public ActionStatus? Exactly { get; }

    public bool IsAnyOpen => Exactly is null;

    public static StatusFilter Only(ActionStatus status) => new(status);

    /// <summary>Every choice, the open group first, then each status in its order.</summary>
    public static IReadOnlyList<StatusFilter> All { get; } =
        [AnyOpen, .. Enum.GetValues<ActionStatus>().Select(Only)];

    /// <summary>How the choice is written in a URL or an API query.</summary>
    public string Word => Exactly switch
    {
        null => OpenWord,
        ActionStatus.Open => AwaitingUpdateWord,
        ActionStatus status => status.ToString(),
    };

    /// <summary>Reads a word as <see cref="Word"/> writes it, ignoring case; blank is no filter.</summary>
    public static bool TryParse(string? text, out StatusFilter? filter)
    {
        filter = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var word = text.Trim();
        filter = All.FirstOrDefault(f => string.Equals(f.Word, word, StringComparison.OrdinalIgnoreCase));
        return filter is not null;
    }

    /// <summary>As <see cref="TryParse"/>, with a message naming the words it takes when the word is unknown.</summary>
    public static StatusFilter? Parse(string? text) =>
        TryParse(text, out var filter)
            ? filter
            : throw new DomainException($"Unknown status '{text}'. Use one of: {string.Join(", ", All.Select(f => f.Word))} (\"open\" is every action not closed or cancelled).");

    /// <summary>The filter with this status choice in it.</summary>
    public static ActionFilter Apply(StatusFilter? status, ActionFilter filter) =>
        filter with { Status = status?.Exactly, OpenOnly = status is { IsAnyOpen: true } };
}
