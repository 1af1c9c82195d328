using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Import.ActionLog;

public enum RagColour { Red, Amber, Green, Blue }

/// <summary>
/// What an office's RAG colours mean, from configuration <c>Import:Rag:Red</c>, <c>Import:Rag:Amber</c>,
/// <c>Import:Rag:Green</c> and <c>Import:Rag:Blue</c> (an <see cref="ActionStatus"/> name each). A log's Status
/// cell that says a colour, or is filled with one, takes the status given here.
/// </summary>
public sealed class ActionLogOptions
{
    public const string Section = "Import";

    public RagStatuses Rag { get; set; } = new();
}

public sealed class RagStatuses
{
    public ActionStatus Red { get; set; } = ActionStatus.Open;
    public ActionStatus Amber { get; set; } = ActionStatus.UpdateProvided;
    public ActionStatus Green { get; set; } = ActionStatus.Closed;
    public ActionStatus Blue { get; set; } = ActionStatus.Closed;

    public ActionStatus For(RagColour colour) => colour switch
    {
        RagColour.Red => Red,
        RagColour.Amber => Amber,
        RagColour.Green => Green,
        _ => Blue,
    };
}
