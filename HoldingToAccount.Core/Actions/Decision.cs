namespace HoldingToAccount.Core.Actions;

public enum Decision { None, Noted, Closed, Cancelled, Carried, Deferred, Redated, Reassigned, Reopened, Corrected, Undone }
