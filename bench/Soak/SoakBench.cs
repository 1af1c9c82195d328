// Soak: N boards on the display link while E officers post updates through the API to the actions brought forward to
// the board's meeting, each pausing 0.5–1.5 s between posts, for the given minutes. A board card shows an action's latest
// update, so every acknowledged update must reach every board unless a later update to the same action replaced it
// before the board's next refresh (and the board showed that one); anything else is missed and the exit code is 1.
// Prints the save → board latency, the server's managed heap and open circuits at start and end.
// Run: dotnet run -c Release --project bench/Soak -- [boards=20] [editors=5] [minutes=10]
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Json;
using HoldingToAccount.Bench.Board;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Observability;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoldingToAccount.Bench.Soak;

internal static class SoakBench
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<int> Main(string[] args)
    {
        var boards = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var editors = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var minutes = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var root = Directory.CreateTempSubdirectory("hta-bench-soak-").FullName;

        var openCircuits = 0;
        using var circuits = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AppMetrics.MeterName && instrument.Name == "hta.circuits.open")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        circuits.SetMeasurementEventCallback<int>((_, change, _, _) => Interlocked.Add(ref openCircuits, change));
        circuits.Start();

        var (factory, baseUrl) = BoardHarness.StartApp(root);
        await using var app = factory;
        var tokens = app.Services.GetRequiredService<TokenService>();
        var display = await tokens.CreateDisplayTokenAsync("soak", "bench");
        var meeting = (await app.Services.GetRequiredService<BoardFeed>().CurrentAsync(display.Id)).Meeting
            ?? throw new InvalidOperationException("The board shows no meeting.");
        var onBoard = meeting.BroughtForward.Where(a => a.Status.IsOpen()).ToList();
        var ownerCodes = onBoard.SelectMany(a => a.Owners).Distinct().Order(StringComparer.Ordinal).ToList();

        // Each editor acts for one owning role and updates that role's actions; with fewer roles than editors they share.
        var clients = new List<(HttpClient Api, List<string> References)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            for (var e = 0; e < editors; e++)
            {
                var code = ownerCodes[e % ownerCodes.Count];
                var email = $"soak.editor{e}@example.org";
                await accounts.CreateUserAsync(new NewUser(email, $"Soak editor {e}", AppRoles.Officer, ActsFor: code), $"Bench-{Guid.NewGuid():N}", "bench");
                var token = (await tokens.CreateApiTokenAsync((await accounts.FindAsync(email))!.Id, "soak", "bench")).Token;
                var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
                api.DefaultRequestHeaders.Authorization = new("Bearer", token);
                clients.Add((api, onBoard.Where(a => a.Owners.Contains(code)).Select(a => ActionReference.ToUrl(a.Reference)).ToList()));
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BoardHarness.LaunchChromiumAsync(playwright);
        var boardPages = new List<IPage>();
        for (var i = 0; i < boards; i++)
            boardPages.Add(await BoardHarness.OpenBoardAsync(browser, baseUrl, displayPath: $"/board/{display.Token}"));
        var heapStart = GC.GetTotalMemory(forceFullCollection: true);
        var circuitsStart = Volatile.Read(ref openCircuits);

        var acknowledged = new ConcurrentDictionary<int, (double At, string Reference)>();
        var refused = 0;
        var marker = 0;
        var until = DateTimeOffset.UtcNow.AddMinutes(minutes);
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            while (DateTimeOffset.UtcNow < until)
            {
                var n = Interlocked.Increment(ref marker);
                var reference = client.References[Random.Shared.Next(client.References.Count)];
                using var response = await client.Api.PostAsJsonAsync($"/api/v1/actions/{reference}/updates", new { text = $"Soak update bench-{n}" });
                if (response.IsSuccessStatusCode)
                    acknowledged[n] = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), reference);
                else
                    Interlocked.Increment(ref refused);
                await Task.Delay(Random.Shared.Next(500, 1500));
            }
        })));

        // Give the boards time to settle: until each shows every action's latest update, or the settle time is up.
        var wanted = acknowledged.GroupBy(a => a.Value.Reference).Select(g => g.MaxBy(a => a.Value.At).Key.ToString(CultureInfo.InvariantCulture)).ToList();
        var settleUntil = DateTimeOffset.UtcNow + Settle;
        var seen = new List<Dictionary<string, double>>();
        foreach (var page in boardPages)
        {
            var shown = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");
            while (wanted.Any(n => !shown.ContainsKey(n)) && DateTimeOffset.UtcNow < settleUntil)
            {
                await Task.Delay(250);
                shown = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");
            }
            seen.Add(shown);
        }
        var heapEnd = GC.GetTotalMemory(forceFullCollection: true);
        var circuitsEnd = Volatile.Read(ref openCircuits);

        var latency = new List<double>();
        var missed = 0;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Boards: {boards}, editors: {editors} (acting for {string.Join(", ", ownerCodes)} over {onBoard.Count} open actions brought forward to {meeting.Meeting.Date:yyyy-MM-dd}), minutes: {minutes}"));
        Console.WriteLine($"Updates acknowledged: {acknowledged.Count}, refused: {refused}");
        Console.WriteLine();
        Console.WriteLine("| board | shown | replaced before shown | missed |");
        Console.WriteLine("|---|---|---|---|");
        for (var b = 0; b < seen.Count; b++)
        {
            var board = seen[b];
            bool Shown(int n) => board.ContainsKey(n.ToString(CultureInfo.InvariantCulture));
            var shown = acknowledged.Where(a => Shown(a.Key)).ToList();
            var replaced = acknowledged.Count(a => !Shown(a.Key)
                && shown.Any(later => later.Value.Reference == a.Value.Reference && later.Value.At > a.Value.At));
            var boardMissed = acknowledged.Count - shown.Count - replaced;
            latency.AddRange(shown.Select(a => Math.Max(0, board[a.Key.ToString(CultureInfo.InvariantCulture)] - a.Value.At)));
            missed += boardMissed;
            Console.WriteLine($"| {b + 1} | {shown.Count} | {replaced} | {boardMissed} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Save returned -> board DOM: {BoardHarness.Percentiles(latency)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Server managed heap: {heapStart / 1048576.0:F1} MB at start (boards open), {heapEnd / 1048576.0:F1} MB at end"));
        Console.WriteLine($"Open circuits: {circuitsStart} at start, {circuitsEnd} at end");
        Console.WriteLine(missed == 0 ? "Every acknowledged update reached every board." : $"MISSED: {missed} board-updates.");

        foreach (var (api, _) in clients)
            api.Dispose();
        await browser.CloseAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        return missed == 0 ? 0 : 1;
    }
}
