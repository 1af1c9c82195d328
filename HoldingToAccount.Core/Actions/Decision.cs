namespace HoldingToAccount.Core.Actions;

/// <summary>What an entry in an action's history decided, so screens can show it (the board's stamps) without reading
/// its wording. <see cref="None"/>: an update posted outside a meeting.</summary>
public enum Decision { None, Noted, Closed, Cancelled, Carried, Deferred, Redated, Reassigned, Reopened, Corrected, Undone }
