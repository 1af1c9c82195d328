// Server render of the pages an officer and the chair open most, at the size issue 18 names: "My actions" for an
// officer whose role owns 500 open actions, and the meeting page and Run page of a meeting with 15 brought-forward
// actions. Each is the prerendered HTML of a signed-in GET, request to last byte, next to a minimal page of the same
// layout (/not-found) fetched by the same client in the same run; then the same reads through the Core services alone,
// which says how much of a page is its data. Optionally (HTA_BENCH_BROWSER=1) the interactive render in Chromium.
// Run: dotnet run -c Release --project bench/Pages -- [runs=40] [results.json]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HoldingToAccount.Bench.Board;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Publishing;
using HoldingToAccount.Core.Reminders.Chasing;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoldingToAccount.Bench.Pages;

internal static partial class PagesBench
{
    private const int OfficerActions = 500;
    private const int BroughtForward = 15;

    public static async Task Main(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var jsonOut = args.Length > 1 ? args[1] : null;
        var root = Directory.CreateTempSubdirectory("hta-bench-pages-").FullName;
        var password = $"Bench-{Guid.NewGuid():N}";

        var (factory, baseUrl) = BoardHarness.StartApp(root);
        await using var app = factory;
        var setup = Stopwatch.StartNew();
        var data = await SeedAsync(app.Services, password);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Data: {OfficerActions} open actions owned by {data.Role} (one update on every other), meeting {data.MeetingId} with {data.BroughtForward} brought forward; set up in {setup.Elapsed.TotalSeconds:F0} s"));

        using var officer = await SignInAsync(baseUrl, "bench.officer@example.org", password);
        using var secretariat = await SignInAsync(baseUrl, "bench.secretariat@example.org", password);
        var pages = new (string Name, SignedIn User, string Path, string Marker, int Times)[]
        {
            // "My actions" shows 20 cards a group and says how many there are in all.
            ("My actions (officer, 500 open)", officer, "/my-actions", $"{OfficerActions} actions open.", 1),
            ($"Meeting page (secretariat, {data.BroughtForward} brought forward)", secretariat, $"/meetings/{data.MeetingId}", "data-testid=\"action-row\"", data.BroughtForward),
            ($"Run page (secretariat, {data.BroughtForward} brought forward)", secretariat, $"/meetings/{data.MeetingId}/run", "data-testid=\"run-action\"", data.BroughtForward),
        };

        var figures = new List<Figure>();
        foreach (var (name, user, path, marker, times) in pages)
        {
            var client = user.Client;
            var html = await GetAsync(client, path);
            var shown = Regex.Count(html, Regex.Escape(marker));
            if (shown < times)
                throw new InvalidOperationException($"{path} shows '{marker}' {shown} times, not {times}; the benchmark would time the wrong page.");
            for (var i = 0; i < 5; i++)
            {
                await TimeAsync(client, path);
                await TimeAsync(client, "/not-found");
            }
            // Interleaved, so the page and its reference share whatever else the machine is doing.
            var page = new List<double>();
            var reference = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                page.Add(await TimeAsync(client, path));
                reference.Add(await TimeAsync(client, "/not-found"));
            }
            var p = Percentiles.Of(page);
            var r = Percentiles.Of(reference);
            figures.Add(new Figure($"{name}: server render", "p95 ms", p.P95, r.P95, name.StartsWith("My", StringComparison.Ordinal) ? OfficerActions : data.BroughtForward,
                string.Create(CultureInfo.InvariantCulture, $"p50 {p.P50:F1} ms (reference {r.P50:F1}); {html.Length / 1024} KB of HTML; reference GET /not-found")));
            Print(figures[^1]);
        }

        // The same data as each page reads it, without rendering: how much of each page is its queries.
        var services = app.Services;
        var officerActor = data.Officer;
        figures.Add(await DataAsync("My actions: ActionService.MyActionsAsync", runs, OfficerActions,
            async () => await services.GetRequiredService<ActionService>().MyActionsAsync(officerActor)));
        figures.Add(await DataAsync("  of which the rows: ActionService.OwnedByAsync (RowsAsync of the same 500)", runs, OfficerActions,
            async () => await services.GetRequiredService<ActionService>().OwnedByAsync(officerActor)));
        figures.Add(await DataAsync("Meeting and Run pages: MeetingService.GetAsync", runs, data.BroughtForward,
            async () => await services.GetRequiredService<MeetingService>().GetAsync(data.MeetingId, data.Secretariat)));
        figures.Add(await DataAsync("  of which the brought forward: ActionService.OutstandingAtAsync", runs, data.BroughtForward,
            async () => await services.GetRequiredService<ActionService>().OutstandingAtAsync(data.MeetingId)));
        figures.Add(await DataAsync("  of which the actions arising: ActionService.RaisedAtAsync", runs, 0,
            async () => await services.GetRequiredService<ActionService>().RaisedAtAsync(data.MeetingId, data.Secretariat)));
        var chasing = services.GetRequiredService<ChaseService>();
        figures.Add(await DataAsync("Meeting and Run pages: UpdatesInTime (ChaseService.UpdatesInTimeAsync)", runs, data.BroughtForward,
            async () => await chasing.UpdatesInTimeAsync(data.MeetingId, data.Secretariat)));
        figures.Add(await DataAsync("Meeting page: ChasePanel (WithoutUpdateAsync + RequestsAtMeetingAsync)", runs, data.BroughtForward, async () =>
        {
            await chasing.WithoutUpdateAsync(data.MeetingId);
            await chasing.RequestsAtMeetingAsync(data.MeetingId);
        }));
        figures.Add(await DataAsync("Meeting page: PublicationPanel (PublicationService.StateAsync)", runs, 0,
            async () => await services.GetRequiredService<PublicationService>().StateAsync(data.MeetingId)));
        var broughtForwardIds = (await services.GetRequiredService<ActionService>().OutstandingAtAsync(data.MeetingId)).Select(a => a.Id).ToList();
        figures.Add(await DataAsync("Run page: every row's chase controls (EscalationsAsync + RequestsAsync of all rows)", runs, broughtForwardIds.Count, async () =>
        {
            await chasing.EscalationsAsync(broughtForwardIds);
            await chasing.RequestsAsync(broughtForwardIds);
        }));
        figures.Add(await DataAsync("  compare: the same read two queries a row, as each row once read its own", runs, broughtForwardIds.Count, async () =>
        {
            foreach (var id in broughtForwardIds)
            {
                await chasing.EscalationsAsync([id]);
                await chasing.RequestsAsync([id]);
            }
        }));
        figures.Add(await DataAsync("Run page: RunBoardFocus (ListDisplayTokensAsync + MeetingService.NextAsync)", runs, 0, async () =>
        {
            await services.GetRequiredService<TokenService>().ListDisplayTokensAsync();
            await services.GetRequiredService<MeetingService>().NextAsync();
        }));
        figures.Add(await DataAsync("Run page: ActionService.OwnerOptionsAsync + DueTargetsAsync", runs, 0, async () =>
        {
            var actions = services.GetRequiredService<ActionService>();
            await actions.OwnerOptionsAsync();
            await actions.DueTargetsAsync(data.MeetingId);
        }));

        if (Environment.GetEnvironmentVariable("HTA_BENCH_BROWSER") == "1")
            figures.AddRange(await InteractiveAsync(baseUrl, officer, secretariat, data, Math.Min(runs, 15)));

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {runs} timed runs each after 5 warm-up");
        if (jsonOut is not null)
            await File.WriteAllTextAsync(jsonOut, JsonSerializer.Serialize(figures));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private sealed record Seeded(string Role, int MeetingId, int BroughtForward, Actor Officer, Actor Secretariat);

    /// <summary>The officer's 500 actions and the meeting's 15 brought forward, made through the Core services so
    /// that numbering, due points and carrying follow the product's rules.</summary>
    private static async Task<Seeded> SeedAsync(IServiceProvider services, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var people = sp.GetRequiredService<PeopleService>();
        var meetings = sp.GetRequiredService<MeetingService>();
        var actions = sp.GetRequiredService<ActionService>();
        var accounts = sp.GetRequiredService<AccountService>();
        var system = Actor.System("bench");

        const string role = "BENCH";
        await people.AddRoleAsync(role, "Head of Bench Performance", system);
        var person = await people.AddPersonAsync(new PersonInput("Bench Officer", "bench.officer@example.org"), system);
        await people.AddHoldingAsync(new HoldingInput(person.Id, role, new DateOnly(2016, 1, 1)), system);
        await accounts.CreateUserAsync(new NewUser("bench.officer@example.org", "Bench Officer", AppRoles.Officer, "bench.officer@example.org"), password, "bench");
        await accounts.CreateUserAsync(new NewUser("bench.secretariat@example.org", "Bench Secretariat", AppRoles.Secretariat), password, "bench");
        var officer = new Actor("Bench Officer", AccessLevel.Officer, person.Id);
        var secretariat = new Actor("Bench Secretariat", AccessLevel.Secretariat);

        // The demo's one series: held meetings to January 2017, then planned ones. The bench meeting is the planned
        // one of 25 April 2017; the officer's actions are due at meetings after it, so they are not brought forward there.
        var all = await meetings.ListAsync();
        var series = all[0].SeriesId;
        var benchMeeting = all.Single(m => m.Date == new DateOnly(2017, 4, 25));
        var raisedAt = all.Single(m => m.Date == new DateOnly(2017, 1, 31));
        var earlier = all.Single(m => m.Date == new DateOnly(2016, 12, 20));
        foreach (var date in new[] { new DateOnly(2017, 5, 30), new DateOnly(2017, 6, 27), new DateOnly(2017, 8, 29), new DateOnly(2017, 9, 26), new DateOnly(2017, 10, 31) })
            if (all.All(m => m.Date != date))
                await meetings.CreateAsync(new NewMeeting(series, date, new TimeOnly(10, 30)), system);
        var later = (await meetings.ListAsync(from: new DateOnly(2017, 4, 26))).Where(m => m.Status == MeetingStatus.Planned).ToList();

        for (var i = 0; i < OfficerActions; i++)
        {
            var due = later[i % later.Count];
            var raised = await actions.RaiseAsync(new NewAction(raisedAt.Id,
                $"Report to the Commissioner on the {Ordinal(i + 1)} line of the force's improvement plan: progress, risks and what the force needs from partners",
                [role], DueMeetingId: due.Id), secretariat);
            if (i % 2 == 0)
                await actions.AddUpdateAsync(raised.Reference, raised.Version,
                    "Work is under way with the partnership team; a fuller written update will follow before the meeting.", null, officer);
        }

        // Top the bench meeting up to 15 brought forward; every third carried once from the meeting before.
        var existing = (await actions.OutstandingAtAsync(benchMeeting.Id)).Count;
        var owners = new[] { "CC", "DCC", "ACC" };
        for (var i = existing; i < BroughtForward; i++)
        {
            var carried = i % 3 == 0;
            var raised = await actions.RaiseAsync(new NewAction(carried ? earlier.Id : raisedAt.Id,
                $"Provide the panel with an assessment of item {i + 1} of the assurance plan, with the figures behind it",
                [owners[i % owners.Length]], DueMeetingId: carried ? raisedAt.Id : benchMeeting.Id), secretariat);
            if (carried)
            {
                await actions.CarryAsync(raised.Reference, raised.Version, benchMeeting.Id, "Awaiting the inspection report.", secretariat, raisedAt.Id);
                raised = (await actions.GetAsync(raised.Reference))!.Action;
            }
            await actions.AddUpdateAsync(raised.Reference, raised.Version, "A draft is with the Deputy Chief Constable for sign-off.", null, secretariat);
        }
        var broughtForward = (await actions.OutstandingAtAsync(benchMeeting.Id)).Count;
        return new Seeded(role, benchMeeting.Id, broughtForward, officer, secretariat);
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>A client signed in through the login form, holding the authentication cookie.</summary>
    private static async Task<SignedIn> SignInAsync(string baseUrl, string email, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await client.GetStringAsync("/account/login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}, not a redirect.");
        return new SignedIn(client, cookies);
    }

    private sealed record SignedIn(HttpClient Client, CookieContainer Cookies) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"|<input[^>]*name="(?<name>[^"]+)"[^>]*type="hidden"[^>]*value="(?<value>[^"]*)" """)]
    private static partial Regex HiddenInput();

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK && !(path == "/not-found" && response.StatusCode == HttpStatusCode.NotFound))
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Request sent to the last byte of the prerendered HTML read.</summary>
    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        await GetAsync(client, path);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<Figure> DataAsync(string name, int runs, int rows, Func<Task> read)
    {
        for (var i = 0; i < 5; i++)
            await read();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await read();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var p = Percentiles.Of(times);
        var figure = new Figure(name, "p95 ms", p.P95, 0, rows, string.Create(CultureInfo.InvariantCulture, $"p50 {p.P50:F1} ms; data only, no render"));
        Print(figure);
        return figure;
    }

    /// <summary>Navigation to the page's actions visible and the circuit interactive, in Chromium, with the HTTP client's cookie.</summary>
    private static async Task<List<Figure>> InteractiveAsync(string baseUrl, SignedIn officer, SignedIn secretariat, Seeded data, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BoardHarness.LaunchChromiumAsync(playwright);
        var figures = new List<Figure>();
        foreach (var (name, user, path, testId) in new[]
                 {
                     ("My actions", officer, "/my-actions", "my-action"),
                     ("Meeting page", secretariat, $"/meetings/{data.MeetingId}", "action-row"),
                     ("Run page", secretariat, $"/meetings/{data.MeetingId}/run", "run-action"),
                 })
        {
            var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
            await context.AddCookiesAsync(CookiesOf(user, baseUrl));
            var page = await context.NewPageAsync();
            var times = new List<double>();
            for (var i = 0; i < runs + 2; i++)
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync(path);
                await Assertions.Expect(page.GetByTestId(testId).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 30_000 });
                if (i >= 2)
                    times.Add(watch.Elapsed.TotalMilliseconds);
            }
            await context.CloseAsync();
            var p = Percentiles.Of(times);
            figures.Add(new Figure($"{name}: navigation to interactive (Chromium)", "p95 ms", p.P95, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"p50 {p.P50:F0} ms; to the actions visible and the circuit interactive")));
            Print(figures[^1]);
        }
        return figures;
    }

    private static IEnumerable<Microsoft.Playwright.Cookie> CookiesOf(SignedIn user, string baseUrl) =>
        user.Cookies.GetCookies(new Uri(baseUrl)).Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = baseUrl });

    private static void Print(Figure f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{f.Name,-80} {f.Value,8:F1} ms{(f.Reference > 0 ? $"  reference {f.Reference:F1} ms, ratio {f.Value / f.Reference:F1}" : "")}  ({f.Note})"));
}

internal sealed record Figure(string Name, string Unit, double Value, double Reference, int Rows, string Note);

internal readonly record struct Percentiles(double P50, double P95)
{
    public static Percentiles Of(List<double> values)
    {
        var sorted = values.Order().ToList();
        double P(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
        return new Percentiles(P(50), P(95));
    }
}
