using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace HoldingToAccount.Tests.Core;

/// <summary>Which meeting each room display shows: the one chosen for it, the one chosen for all, or the next by date.</summary>
public sealed class RoomScreenTests : IDisposable
{
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);
    private readonly ChangeNotifier _notifier = new(NullLogger<ChangeNotifier>.Instance);

    [Fact]
    public void With_nothing_chosen_every_display_shows_the_next_meeting_by_date()
    {
        var screen = new RoomScreen(_notifier);

        Assert.Null(screen.MeetingFor(1));
        Assert.Null(screen.MeetingEverywhere);
    }

    [Fact]
    public void A_meeting_shown_on_one_display_leaves_the_others_as_they_were()
    {
        var screen = new RoomScreen(_notifier);
        screen.Show(40, null, Chair);

        screen.Show(41, 2, Chair);

        Assert.Equal(41, screen.MeetingFor(2));
        Assert.Equal(40, screen.MeetingFor(1));
        Assert.Equal([40, 41], screen.ChosenMeetings().Order());
    }

    [Fact]
    public void A_meeting_shown_on_every_display_replaces_the_choices_for_single_ones()
    {
        var screen = new RoomScreen(_notifier);
        screen.Show(41, 2, Chair);

        screen.Show(40, null, Chair);

        Assert.Equal(40, screen.MeetingFor(2));
        Assert.Equal([40], screen.ChosenMeetings());
    }

    [Fact]
    public void Only_the_chair_or_secretariat_may_choose_what_the_room_screen_shows()
    {
        var screen = new RoomScreen(_notifier);

        Assert.Throws<ForbiddenException>(() => screen.Show(40, null, new Actor("Anthony Bangham", AccessLevel.Officer)));
        Assert.Null(screen.MeetingEverywhere);
    }

    [Fact]
    public void Another_app_instance_learns_each_choice_from_its_notice()
    {
        var here = new RoomScreen(_notifier);
        var elsewhere = new RoomScreen(new ChangeNotifier(NullLogger<ChangeNotifier>.Instance));
        var notices = new List<ChangeNotice>();
        using var listening = _notifier.Subscribe(batch =>
        {
            lock (notices)
                notices.AddRange(batch);
            return Task.CompletedTask;
        });

        here.Show(41, 2, Chair);
        here.Show(40, null, Chair);
        SpinWait.SpinUntil(() => { lock (notices) return notices.Count == 2; }, TimeSpan.FromSeconds(5));
        lock (notices)
            elsewhere.FollowElsewhere(notices);

        Assert.Equal(40, elsewhere.MeetingFor(2));
        Assert.Equal(40, elsewhere.MeetingEverywhere);
    }

    public void Dispose() => _notifier.Dispose();
}
