using HoldingToAccount.Core;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Board;
using HoldingToAccount.Dashboard.Observability;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace HoldingToAccount.Dashboard.Components.Pages.Board;

/// <summary>
/// The room screen: one agenda section of the meeting chosen for this display (or the next meeting), paged so that it
/// never scrolls. The browser measures how many actions fit; the board turns the page by itself every few seconds
/// unless the chair has turned it. A signed-in chair can present from here with the keyboard.
/// </summary>
public sealed partial class Board
{
    private const int DefaultPageSeconds = 15;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    [Inject] private TokenService Tokens { get; set; } = null!;
    [Inject] private BoardFeed Feed { get; set; } = null!;
    [Inject] private CircuitPresence Presence { get; set; } = null!;
    [Inject] private PresenterFocus Focus { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Parameter] public string DisplayToken { get; set; } = "";

    /// <summary>How long each page of actions stays up when the chair is not turning them (a display setting in its link).</summary>
    [SupplyParameterFromQuery(Name = "page-seconds")] public int? PageSeconds { get; set; }

    /// <summary><c>?clock=off</c> hides the time of day (a display setting in its link).</summary>
    [SupplyParameterFromQuery(Name = "clock")] public string? ClockSetting { get; set; }

    /// <summary><c>?item-timer=off</c> hides how long the chair has been on the item shown (a display setting in its link).</summary>
    [SupplyParameterFromQuery(Name = "item-timer")] public string? ItemTimer { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool _loading = true;
    private DisplayTokenRow? _display;
    private MeetingDetail? _meeting;
    private IReadOnlyDictionary<string, string> _holders = new Dictionary<string, string>();
    private IReadOnlyDictionary<int, Core.Reminders.Chasing.EscalationFlag> _escalations = new Dictionary<int, Core.Reminders.Chasing.EscalationFlag>();
    private Presenting? _presenting;
    private string _updatedAt = "";
    private string _announcement = "";
    private DateTime _now;
    private bool _canPresent;
    private IDisposable? _subscription;
    private ITimer? _timer;
    private ElementReference _board;
    private string? _watching;
    private IJSObjectReference? _fit;
    private DotNetObjectReference<Board>? _self;

    /// <summary>How many of each kind of list fit, as the browser measured them; a cautious guess until then.</summary>
    private readonly Dictionary<string, int> _fits = new() { ["cards"] = 3, ["rows"] = 6 };
    private int _localPage;
    private TimeSpan _onPage;

    protected override async Task OnParametersSetAsync()
    {
        _display = await Tokens.DisplayForTokenAsync(DisplayToken);
        if (_display is not null)
        {
            Show(await Feed.CurrentAsync(_display.Id));
            _subscription ??= Presence.Following(Feed.Subscribe(_display.Id, OnSnapshotAsync));
            _timer ??= Clock.CreateTimer(_ => InvokeAsync(OnTick), null, Tick, Tick);
            var user = AuthenticationState is null ? null : (await AuthenticationState).User;
            _canPresent = user?.ToActor().May(Core.Access.Permission.RunMeetings) == true;
        }
        _loading = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_board.Id is null)
            return;
        try
        {
            _fit ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/board.js");
            if (_fit is null)
                return;
            if (_watching != _board.Id)
            {
                _watching = _board.Id;
                _self ??= DotNetObjectReference.Create(this);
                await _fit.InvokeVoidAsync("watch", _board, _self);
            }
            else
            {
                await _fit.InvokeVoidAsync("measure", _board);
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>The browser says how many items of a list fit on the screen.</summary>
    [JSInvokable]
    public Task FitsAsync(string kind, int count) => InvokeAsync(() =>
    {
        if (_fits.TryGetValue(kind, out var now) && now == count)
            return;
        _fits[kind] = Math.Max(1, count);
        StateHasChanged();
    });

    private void Show(BoardSnapshot snapshot)
    {
        if (snapshot.Meeting?.Meeting.Id != _meeting?.Meeting.Id || _presenting?.Section != Presenter(snapshot.Meeting)?.Section)
            _localPage = 0;
        _meeting = snapshot.Meeting;
        _holders = snapshot.Holders;
        _escalations = snapshot.Escalations;
        _presenting = Presenter(_meeting);
        _now = London.Now(Clock);
        _updatedAt = _now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        _announcement = snapshot.Announcement;
    }

    /// <summary>How long the chair has been on the item shown, while the chair presents.</summary>
    private TimeSpan? OnItem => ItemTimer == "off" || _presenting is null ? null : Clock.GetUtcNow() - _presenting.Since;

    private Presenting? Presenter(MeetingDetail? meeting) => meeting is null ? null : Focus.Of(meeting.Meeting.Id);

    private Task OnSnapshotAsync(BoardSnapshot snapshot, IReadOnlyList<ChangeNotice> notices) =>
        InvokeAsync(async () =>
        {
            // A revoked link stops the screen at once; otherwise the token was checked when the board opened.
            if (notices.Any(n => n.Kind == ChangeKind.Access) && await Tokens.DisplayForTokenAsync(DisplayToken) is null)
            {
                _display = null;
                _meeting = null;
                _subscription?.Dispose();
                _subscription = null;
            }
            else
            {
                Show(snapshot);
            }
            StateHasChanged();
        });

    private void OnTick()
    {
        var minute = _now.Minute;
        var onItem = (int?)OnItem?.TotalMinutes;
        _now = London.Now(Clock);
        _onPage += Tick;
        var turn = _onPage >= TimeSpan.FromSeconds(Math.Max(5, PageSeconds ?? DefaultPageSeconds)) && _presenting?.Page is null && _meeting is not null;
        if (turn)
        {
            _onPage = TimeSpan.Zero;
            var view = BoardView.For(_meeting!, _presenting, London.Today(Clock));
            var pages = PagesOf(view);
            _localPage = pages <= 1 ? 0 : (_localPage + 1) % pages;
            turn = pages > 1;
        }
        if (turn || minute != _now.Minute || onItem != (int?)OnItem?.TotalMinutes)
            StateHasChanged();
    }

    private static string KindOf(BoardView view) => view.Focused is null && !view.IsSummary ? "cards" : "rows";

    private int PageSizeFor(BoardView view) => _fits[KindOf(view)];

    private int PagesOf(BoardView view)
    {
        var count = view.Focused is null && !view.IsSummary ? view.Actions.Count : view.Others.Count;
        return Math.Max(1, (count + PageSizeFor(view) - 1) / PageSizeFor(view));
    }

    private int PageOf(BoardView view) => Math.Clamp(_presenting?.Page ?? _localPage, 0, PagesOf(view) - 1);

    private Task StepAsync(int by)
    {
        if (_meeting is not null)
            Focus.Step(_meeting.Meeting.Id, BoardView.Steps(_meeting), by);
        return Task.CompletedTask;
    }

    private void TurnPage(int by)
    {
        if (_meeting is null)
            return;
        var view = BoardView.For(_meeting, _presenting, London.Today(Clock));
        var page = Math.Clamp(PageOf(view) + by, 0, PagesOf(view) - 1);
        Focus.TurnTo(_meeting.Meeting.Id, view.Section, page);
    }

    /// <summary>Puts the next (or previous) action of the section in focus; from none, the first (or last).</summary>
    private void Discuss(int by)
    {
        if (_meeting is null)
            return;
        var view = BoardView.For(_meeting, _presenting, London.Today(Clock));
        if (view.Actions.Count == 0 || view.IsSummary)
            return;
        var at = view.Focused is null ? (by > 0 ? -1 : view.Actions.Count) : IndexOf(view.Actions, view.Focused.Id);
        var next = Math.Clamp(at + by, 0, view.Actions.Count - 1);
        Focus.Discuss(_meeting.Meeting.Id, view.Actions[next].Id);
    }

    private static int IndexOf(IReadOnlyList<Core.Actions.ActionRow> actions, int id)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Id == id)
                return i;
        }
        return -1;
    }

    private async Task OnKeyAsync(KeyboardEventArgs e)
    {
        if (!_canPresent || _meeting is null)
            return;
        switch (e.Key)
        {
            case "ArrowRight":
                await StepAsync(1);
                break;
            case "ArrowLeft":
                await StepAsync(-1);
                break;
            case "PageDown":
                TurnPage(1);
                break;
            case "PageUp":
                TurnPage(-1);
                break;
            case "ArrowDown":
                Discuss(1);
                break;
            case "ArrowUp":
                Discuss(-1);
                break;
            case "Escape":
                Focus.Discuss(_meeting.Meeting.Id, null);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_timer is not null)
            await _timer.DisposeAsync();
        if (_fit is not null)
        {
            try
            {
                await _fit.InvokeVoidAsync("unwatch", _board);
                await _fit.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
        _self?.Dispose();
    }
}
