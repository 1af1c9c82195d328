using HoldingToAccount.Core.Changes;
using HoldingToAccount.Dashboard.Board;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HoldingToAccount.Tests.Core;

/// <summary>The board's item timer: how long the chair has been on the section or the action now discussing.</summary>
public sealed class ItemTimerTests : IDisposable
{
    private const int Meeting = 7;
    private readonly ChangeNotifier _notifier = new(NullLogger<ChangeNotifier>.Instance);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 2, 1, 10, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Moving_to_a_section_or_an_action_starts_the_timer_and_turning_a_page_does_not()
    {
        var focus = new PresenterFocus(_notifier, _clock);
        focus.Set(Meeting, "1");
        var sectionStart = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromMinutes(4));
        focus.TurnTo(Meeting, "1", 2);
        Assert.Equal(sectionStart, focus.Of(Meeting)!.Since);

        focus.Discuss(Meeting, 31);
        Assert.Equal(_clock.GetUtcNow(), focus.Of(Meeting)!.Since);

        _clock.Advance(TimeSpan.FromMinutes(3));
        focus.Discuss(Meeting, 31);
        Assert.Equal(sectionStart.AddMinutes(4), focus.Of(Meeting)!.Since);

        focus.Set(Meeting, "2");
        Assert.Equal(_clock.GetUtcNow(), focus.Of(Meeting)!.Since);
    }

    [Fact]
    public void A_move_made_on_another_instance_keeps_the_timer_when_it_stays_on_the_same_item()
    {
        var focus = new PresenterFocus(_notifier, _clock);
        focus.Set(Meeting, "3");
        var start = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(6));

        focus.FollowElsewhere([new ChangeNotice(ChangeKind.Focus, Meeting, "3", null, 1)]);
        Assert.Equal(start, focus.Of(Meeting)!.Since);

        focus.FollowElsewhere([new ChangeNotice(ChangeKind.Focus, Meeting, "4", null, null)]);
        Assert.Equal(_clock.GetUtcNow(), focus.Of(Meeting)!.Since);
    }

    [Theory]
    [InlineData(0, "under 1 min")]
    [InlineData(59, "under 1 min")]
    [InlineData(60, "1 min")]
    [InlineData(12 * 60 + 30, "12 min")]
    [InlineData(65 * 60, "1 h 05 min")]
    public void The_timer_reads_in_whole_minutes(int seconds, string expected) =>
        Assert.Equal(expected, BoardText.Minutes(TimeSpan.FromSeconds(seconds)));

    public void Dispose() => _notifier.Dispose();
}
