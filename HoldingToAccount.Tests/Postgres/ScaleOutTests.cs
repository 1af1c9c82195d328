using System.Collections.Concurrent;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Postgres;

/// <summary>
/// Two app instances on one real PostgreSQL database (the scale-out set-up): what one saves lights up the other's
/// screens through LISTEN/NOTIFY, and their audited saves still make one unbroken chain. Always on PostgreSQL.
/// </summary>
[Needs(Need.Database)]
public sealed class ScaleOutTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private TestDatabase _first = null!;
    private ServiceProvider _second = null!;
    private RegisterBuilder _register = null!;
    private int _meetingId;

    public async Task InitializeAsync()
    {
        _first = await TestDatabase.CreateAsync(provider: DatabaseProvider.Postgres);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_first.Clock);
        services.AddLogging();
        services.AddCore(new ConfigurationBuilder().AddInMemoryCollection(_first.Configuration).Build());
        _second = services.BuildServiceProvider();
        foreach (var listener in new[] { _first.Get<PostgresChangeListener>(), _second.GetRequiredService<PostgresChangeListener>() })
        {
            await listener.StartAsync(CancellationToken.None);
            await listener.Listening.WaitAsync(Patience);
        }
        _register = await RegisterBuilder.CreateAsync(_first);
        _meetingId = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
    }

    public async Task DisposeAsync()
    {
        await _second.GetRequiredService<PostgresChangeListener>().StopAsync(CancellationToken.None);
        await _first.Get<PostgresChangeListener>().StopAsync(CancellationToken.None);
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task An_action_raised_on_one_instance_reaches_the_screens_of_the_other_once()
    {
        var atFirst = Record(_first.Get<ChangeNotifier>());
        var atSecond = Record(_second.GetRequiredService<ChangeNotifier>());

        var raised = await _register.ActionAsync(_meetingId, "Bring back the estates strategy", owners: "DCC");

        await WaitUntilAsync(() => atSecond.Contains(new ChangeNotice(ChangeKind.Action, raised.Id)));
        await WaitUntilAsync(() => atFirst.Contains(new ChangeNotice(ChangeKind.Action, raised.Id)));
        // PostgreSQL hands notifications over in commit order, so once each instance has heard a later change made on
        // the other, any echo of the first notice has arrived too: the first instance must not hear its own twice.
        var fromSecond = await _second.GetRequiredService<ActionService>().RaiseAsync(new NewAction(_meetingId, "Report on the estates disposals", ["CC"]), RegisterBuilder.Secretariat);
        await WaitUntilAsync(() => atFirst.Contains(new ChangeNotice(ChangeKind.Action, fromSecond.Id)));
        var fromFirst = await _first.Get<ActionService>().RaiseAsync(new NewAction(_meetingId, "Report on the fleet disposals", ["CC"]), RegisterBuilder.Secretariat);
        await WaitUntilAsync(() => atSecond.Contains(new ChangeNotice(ChangeKind.Action, fromFirst.Id)));
        Assert.Single(atFirst, n => n == new ChangeNotice(ChangeKind.Action, raised.Id));
        Assert.Single(atSecond, n => n == new ChangeNotice(ChangeKind.Action, raised.Id));
    }

    [Fact]
    public async Task An_update_posted_on_the_second_instance_reaches_the_first()
    {
        var raised = await _register.ActionAsync(_meetingId, "Report on the custody review", owners: "CC");
        var atFirst = Record(_first.Get<ChangeNotifier>());

        await _second.GetRequiredService<ActionService>().AddUpdateAsync(raised.Reference, null, "Review commissioned", null, RegisterBuilder.Secretariat);

        await WaitUntilAsync(() => atFirst.Contains(new ChangeNotice(ChangeKind.ActionUpdate, raised.Id)));
    }

    [Fact]
    public async Task The_presenter_moving_on_one_instance_moves_the_boards_on_the_other()
    {
        var atSecond = Record(_second.GetRequiredService<ChangeNotifier>());

        _first.Get<PresenterFocus>().Set(_meetingId, "4a");

        await WaitUntilAsync(() => atSecond.Any(n => n.Kind == ChangeKind.Focus && n.Id == _meetingId));
        Assert.Equal("4a", _second.GetRequiredService<PresenterFocus>().SectionOf(_meetingId));
    }

    [Fact]
    public async Task A_listener_whose_connection_is_cut_listens_again_and_hears_later_changes()
    {
        await using (var db = await _first.CreateContextAsync())
            await db.Database.ExecuteSqlRawAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
        var listener = _second.GetRequiredService<PostgresChangeListener>();
        await WaitUntilAsync(() => !listener.IsListening);
        await WaitUntilAsync(() => listener.IsListening);

        var atSecond = Record(_second.GetRequiredService<ChangeNotifier>());
        var raised = await _register.ActionAsync(_meetingId, "Review the fleet replacement plan", owners: "ACC");

        await WaitUntilAsync(() => atSecond.Contains(new ChangeNotice(ChangeKind.Action, raised.Id)));
    }

    [Fact]
    public async Task Actions_raised_on_both_instances_at_once_get_distinct_numbers()
    {
        var services = new[] { _first.Get<ActionService>(), _second.GetRequiredService<ActionService>() };
        var raised = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            services[i % 2].RaiseAsync(new NewAction(_meetingId, $"Action {i} from instance {i % 2 + 1}", ["CC"]), RegisterBuilder.Secretariat)));

        Assert.Equal(30, raised.Select(a => a.Reference).Distinct().Count());
        await using var db = await _first.CreateContextAsync();
        var verification = await AuditChain.VerifyAsync(db);
        Assert.True(verification.Intact, verification.Message);
    }

    [Fact]
    public async Task A_save_waits_for_another_instance_whose_audited_change_is_not_yet_committed_so_the_chain_stays_whole()
    {
        var first = await _register.ActionAsync(_meetingId, "Publish the victims' code audit", owners: "CC");
        var second = await _register.ActionAsync(_meetingId, "Report on stop and search", owners: "ACC");

        await using (var db = await _first.CreateContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var action = await db.Actions.SingleAsync(a => a.Id == first.Id);
            action.Text += " (revised)";
            await db.SaveChangesAsync();

            var meanwhile = _second.GetRequiredService<ActionService>().AddUpdateAsync(second.Reference, null, "Paper drafted", null, RegisterBuilder.Secretariat);
            await WaitUntilAsync(async () => await WaitingForAdvisoryLockAsync() > 0);
            Assert.False(meanwhile.IsCompleted, "the other instance's save should wait for the open audited change");

            await transaction.CommitAsync();
            await meanwhile.WaitAsync(Patience);
        }

        await using var check = await _first.CreateContextAsync();
        var verification = await AuditChain.VerifyAsync(check);
        Assert.True(verification.Intact, verification.Message);
    }

    /// <summary>How many sessions on this database are blocked on an advisory lock (the audit chain's).</summary>
    private async Task<int> WaitingForAdvisoryLockAsync()
    {
        await using var db = await _first.CreateContextAsync();
        return await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'")
            .SingleAsync();
    }

    private static ConcurrentQueue<ChangeNotice> Record(ChangeNotifier notifier)
    {
        var seen = new ConcurrentQueue<ChangeNotice>();
        notifier.Subscribe(notices =>
        {
            foreach (var notice in notices)
                seen.Enqueue(notice);
            return Task.CompletedTask;
        });
        return seen;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return;
            await Task.Delay(20);
        }
        Assert.Fail("the change did not arrive within " + Patience.TotalSeconds + " s");
    }
}
