// Live-board propagation benchmark: one editor, N boards, M updates (half through the API, half through the UI), run
// for each N given (10 and 20). For each update: the time from the save returning to each board's DOM showing it
// (MutationObserver timestamp), next to the minimal reference board (ReferenceBoard.cs: POST returned → its N boards'
// DOM, in the same run, one reference update after each product update) and the editor's own click → DOM. A board
// that has not shown an acknowledged update 10 s after the save counts as a miss. Then server memory per idle board
// circuit. Run: dotnet run -c Release --project bench/Board -- [boards=10,20] [updates=200] [idleBoards=50]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoldingToAccount.Bench.Board;

internal static class BoardBench
{
    public static async Task Main(string[] args)
    {
        var boardCounts = (args.Length > 0 ? args[0] : "10,20").Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToList();
        var updates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var idleBoards = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
        var root = Directory.CreateTempSubdirectory("hta-bench-board-").FullName;
        var password = $"Bench-{Guid.NewGuid():N}";

        var (factory, baseUrl) = BoardHarness.StartApp(root);
        await using var app = factory;

        var tokens = app.Services.GetRequiredService<TokenService>();
        string displayPath, apiToken;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateUserAsync(new NewUser("bench.officer@example.org", "Bench officer", AppRoles.Officer, "anthony.bangham@example.org"), password, "bench");
            displayPath = $"/board/{(await tokens.CreateDisplayTokenAsync("bench", "bench")).Token}";
            apiToken = (await tokens.CreateApiTokenAsync((await accounts.FindAsync("bench.officer@example.org"))!.Id, "bench", "bench")).Token;
        }
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", apiToken);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BoardHarness.LaunchChromiumAsync(playwright);

        var editorContext = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        var editor = await editorContext.NewPageAsync();
        await editor.GotoAsync("/account/login");
        await editor.GetByLabel("E-mail address").FillAsync("bench.officer@example.org");
        await editor.GetByLabel("Password").FillAsync(password);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await editor.GotoAsync("/my-actions");
        await Assertions.Expect(editor.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 30_000 });
        await editor.EvaluateAsync(BoardHarness.Observe);
        var card = editor.GetByTestId("my-action").Filter(new() { HasText = "North Worcestershire" });
        var actionRef = (await card.GetAttributeAsync("data-ref"))!.Replace('/', '-');

        var (referenceApp, referenceUrl) = await ReferenceBoard.StartAsync(baseUrl);
        await using var referenceAppLifetime = referenceApp;
        using var referenceApi = new HttpClient { BaseAddress = new Uri(referenceUrl) };

        var productBoards = new List<IPage>();
        var referenceBoards = new List<IPage>();
        var marker = 0;
        foreach (var boards in boardCounts)
        {
            while (productBoards.Count < boards)
            {
                productBoards.Add(await BoardHarness.OpenBoardAsync(browser, baseUrl, displayPath));
                referenceBoards.Add(await BoardHarness.OpenBoardAsync(browser, referenceUrl, "/"));
            }

            var boardLatency = new List<double>();
            var apiLatency = new List<double>();
            var uiLatency = new List<double>();
            var baseline = new List<double>();
            var referenceLatency = new List<double>();
            var missed = 0;
            var referenceMissed = 0;
            for (var u = 0; u < updates; u++, marker += 2)
            {
                // The product's update, then the reference board's, so both see the same load on the machine.
                var n = marker;
                double savedAt;
                var throughApi = u % 2 == 0;
                if (throughApi)
                {
                    using var response = await api.PostAsJsonAsync($"/api/v1/actions/{actionRef}/updates", new { text = $"Update bench-{n}" });
                    response.EnsureSuccessStatusCode();
                    savedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                }
                else
                {
                    // The editor's copy must be current (the API update before it changed the action's version).
                    await editor.ReloadAsync();
                    await Assertions.Expect(editor.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 30_000 });
                    await editor.EvaluateAsync(BoardHarness.Observe);
                    await card.GetByTestId("open-update").ClickAsync();
                    await card.GetByLabel(new System.Text.RegularExpressions.Regex("Your update on")).FillAsync($"Update bench-{n}");
                    var clickedAt = await editor.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
                    await card.GetByTestId("post-update").ClickAsync();
                    await editor.WaitForFunctionAsync($"() => window.__seen['{n}'] !== undefined", null, new() { Timeout = 10_000 });
                    savedAt = await editor.EvaluateAsync<double>($"() => window.__seen['{n}']");
                    baseline.Add(savedAt - clickedAt);
                }
                var (productShown, productMissed) = await BoardHarness.SeenOnAsync(productBoards.Take(boards), n, savedAt);
                boardLatency.AddRange(productShown);
                (throughApi ? apiLatency : uiLatency).AddRange(productShown);
                missed += productMissed;

                using (var response = await referenceApi.PostAsJsonAsync("/updates", new ReferenceUpdate(u, $"Update bench-{n + 1}")))
                {
                    response.EnsureSuccessStatusCode();
                }
                var (referenceShown, missedOnReference) = await BoardHarness.SeenOnAsync(referenceBoards.Take(boards), n + 1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                referenceLatency.AddRange(referenceShown);
                referenceMissed += missedOnReference;
            }

            Console.WriteLine($"Boards: {boards}, updates: {updates} (half API, half UI), missed: {missed}");
            Console.WriteLine($"Save returned -> board DOM, all:  {BoardHarness.Percentiles(boardLatency)}");
            Console.WriteLine($"  through the API:                {BoardHarness.Percentiles(apiLatency)}");
            Console.WriteLine($"  through the UI (editor's DOM):  {BoardHarness.Percentiles(uiLatency)}");
            Console.WriteLine($"Baseline click -> own DOM:        {BoardHarness.Percentiles(baseline)}");
            Console.WriteLine($"Reference board, {boards} boards, updates: {updates} (POST), missed: {referenceMissed}");
            Console.WriteLine($"Reference POST returned -> DOM:   {BoardHarness.Percentiles(referenceLatency)}");
            Console.WriteLine($"Ratio, product p95 / reference p95 ({boards} boards): all {BoardHarness.Ratio(boardLatency, referenceLatency)}, through the API {BoardHarness.Ratio(apiLatency, referenceLatency)}");
        }

        await BoardReadCost.PrintAsync(app.Services);

        // Memory per idle board circuit: open more boards, let them settle, compare the server's managed heap.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var idle = new List<IBrowserContext>();
        for (var i = 0; i < idleBoards; i++)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
            var page = await context.NewPageAsync();
            await page.GotoAsync(displayPath);
            await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 30_000 });
            idle.Add(context);
        }
        await Task.Delay(2000);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Server managed heap per idle board circuit ({idleBoards} boards): {(heapAfter - heapBefore) / 1024.0 / idleBoards:F0} KB"));

        foreach (var context in idle)
            await context.CloseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
