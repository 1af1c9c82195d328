// Where a board's time goes on the server: the reads the shared feed makes once per change (the meeting with its
// brought-forward and arising actions, their owners' holders, their escalation flags), each timed alone in-process.
using System.Diagnostics;
using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders.Chasing;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Bench.Board;

internal static class BoardReadCost
{
    public static async Task PrintAsync(IServiceProvider services, int runs = 30)
    {
        var meetings = services.GetRequiredService<MeetingService>();
        var people = services.GetRequiredService<PeopleService>();
        var chasing = services.GetRequiredService<ChaseService>();
        var today = London.Today(services.GetRequiredService<TimeProvider>());
        var next = (await meetings.NextAsync(today))!;
        var detail = (await meetings.GetAsync(next.Id))!;
        var actions = detail.BroughtForward.Concat(detail.ActionsArising).ToList();
        var owners = actions.SelectMany(a => a.Owners).Distinct().ToList();
        var ids = actions.Select(a => a.Id).Distinct().ToList();

        Console.WriteLine($"Server reads per change, once for all boards (meeting with {detail.BroughtForward.Count} brought forward, {detail.ActionsArising.Count} arising; p50 / p95 of {runs}):");
        await TimeAsync("  next meeting by date", runs, () => meetings.NextAsync(today));
        await TimeAsync("  the meeting (agenda, actions)", runs, () => meetings.GetAsync(next.Id));
        await TimeAsync("  owners' holders", runs, () => people.HoldersOnAsync(today, owners));
        await TimeAsync("  escalation flags", runs, () => chasing.EscalationsAsync(ids));
    }

    private static async Task TimeAsync<T>(string what, int runs, Func<Task<T>> read)
    {
        await read();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await read();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-34} {sorted[runs / 2]:F1} ms / {sorted[Math.Min(runs - 1, (int)Math.Ceiling(0.95 * runs) - 1)]:F1} ms"));
    }
}
