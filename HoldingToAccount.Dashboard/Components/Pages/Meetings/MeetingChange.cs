namespace HoldingToAccount.Dashboard.Components.Pages.Meetings;

/// <summary>What the secretariat is doing to a planned meeting.</summary>
public enum MeetingChange { Move, Cancel }

/// <summary>What came of a move or cancel: the message to show, and whether someone else had changed the meeting first.</summary>
public sealed record MeetingChangeOutcome(string Message, bool Stale = false);
