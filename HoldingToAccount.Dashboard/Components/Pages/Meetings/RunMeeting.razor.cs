using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace HoldingToAccount.Dashboard.Components.Pages.Meetings;

/// <summary>The chair's decisions on the Run page: by click or key, confirmed in the dialog, then undoable for
/// <see cref="ActionService.UndoWindow"/>; focus goes back to the action decided so the next key follows on.</summary>
public sealed partial class RunMeeting : IAsyncDisposable
{
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private IJSObjectReference? _keysModule;
    private IJSObjectReference? _keys;
    private DotNetObjectReference<RunMeeting>? _self;
    private (string Reference, DateTimeOffset At, Snackbar? Bar)? _undo;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        _self = DotNetObjectReference.Create(this);
        _keysModule = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/run-keys.js"]);
        _keys = _keysModule is null ? null : await _keysModule.InvokeAsync<IJSObjectReference>("attach", _self);
    }

    [JSInvokable]
    public async Task OnDecisionKey(string reference, string command)
    {
        var action = _meeting?.BroughtForward.FirstOrDefault(a => a.Reference == reference);
        if (action is null || _meeting is null)
            return;
        var decision = command switch
        {
            "close" => ActionDecision.Close,
            "carry" => ActionDecision.Carry,
            "defer" => ActionDecision.Defer,
            "redate" => ActionDecision.Redate,
            "update" => ActionDecision.RecordUpdate,
            "reopen" => ActionDecision.Reopen,
            _ => (ActionDecision?)null,
        };
        var date = _meeting.Meeting.Date;
        var allowed = decision == ActionDecision.Reopen ? RunActionRow.ReopenableAt(action, date) : action.StillToDecideAt(date);
        if (decision is not { } d || !allowed)
        {
            Snackbar.Add(action.Status.IsOpen() && decision == ActionDecision.Reopen ? $"Action {reference} is open: there is nothing to reopen."
                : action.Status.IsOpen() ? $"Action {reference} is already dealt with at this meeting."
                : RunActionRow.ReopenableAt(action, date) ? $"Action {reference} is {action.Status.ToString().ToLowerInvariant()}; press O to reopen it."
                : $"Action {reference} is {action.Status.ToString().ToLowerInvariant()}.", Severity.Info);
            return;
        }
        await InvokeAsync(() => DecideAsync(action, d));
    }

    [JSInvokable]
    public Task OnUndoKey() => InvokeAsync(UndoAsync);

    private async Task DecideAsync(ActionRow action, ActionDecision decision)
    {
        var outcome = await Dialogs.ShowDecisionAsync(action, decision, _actor, Id);
        if (outcome is null)
        {
            await FocusRowAsync(action.Reference);
            return;
        }
        if (outcome.Stale)
            Snackbar.Add(outcome.Message + " It has been reloaded.", Severity.Warning);
        else
            OfferUndo(action.Reference, outcome.Message);
        await LoadAsync();
        StateHasChanged();
        await FocusRowAsync(action.Reference);
    }

    private void OfferUndo(string reference, string message)
    {
        if (_undo?.Bar is { } previous)
            Snackbar.Remove(previous);
        var bar = Snackbar.OfferUndo(message, "Undo (Z)", () => InvokeAsync(UndoAsync), key: $"undo-{reference}-{Clock.GetUtcNow().Ticks}");
        _undo = (reference, Clock.GetUtcNow(), bar);
    }

    private async Task UndoAsync()
    {
        if (_undo is not { } undo || Clock.GetUtcNow() - undo.At > ActionService.UndoWindow)
        {
            _undo = null;
            Snackbar.Add("There is no decision to undo: Undo lasts 10 seconds after a decision. Reopen a closed action instead.", Severity.Info);
            return;
        }
        _undo = null;
        if (undo.Bar is { } bar)
            Snackbar.Remove(bar);
        try
        {
            var current = (await ActionService.GetAsync(undo.Reference))?.Action ?? throw new DomainException($"Action {undo.Reference} no longer exists.");
            await ActionService.UndoAsync(undo.Reference, current.Version, _actor);
            Snackbar.Add($"Undone: action {undo.Reference} is as it was before.", Severity.Success);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        await LoadAsync();
        StateHasChanged();
        await FocusRowAsync(undo.Reference);
    }

    private async Task FocusRowAsync(string reference)
    {
        if (_keysModule is not null)
            await _keysModule.InvokeVoidAsync("focusRow", reference);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_keys is not null)
                await _keys.InvokeVoidAsync("dispose");
            if (_keys is not null)
                await _keys.DisposeAsync();
            if (_keysModule is not null)
                await _keysModule.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone; its listeners went with it.
        }
        _self?.Dispose();
    }
}
