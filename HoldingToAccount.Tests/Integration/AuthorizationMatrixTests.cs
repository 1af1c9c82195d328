using System.Net;
using System.Net.Http.Json;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Integration;

/// <summary>
/// Walks every route the app maps (read from its own endpoint table) for every kind of caller and checks the answer
/// against the permission table: Secretariat everything; Chair reads and runs meetings; Officers read and update
/// their own roles' actions; Viewers read; a display token opens its board and nothing else; anonymous callers reach
/// only the sign-in page, health and the board. A new route without an explicit policy fails here.
/// </summary>
[Needs(Need.Database)]
[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(AppFixture app)
{
    /// <summary>The only routes open without signing in (the board and feeds check their own tokens).</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/account/login", "/account/access-denied", "/account/logout", "/account/external", "/account/external-callback", "/healthz", "/not-found", "/Error", "/board/{DisplayToken}",
        "/ical/person/{token}.ics", "/ical/series/{seriesId}/{token}.ics",
        "/public", "/public/actions", "/public/meetings/{Id:int}", "/public/meetings/{id:int}/notes.docx", "/public/feed.atom",
    ];

    private static readonly Dictionary<string, Principal[]> AllowedByPolicy = new()
    {
        [Policies.Read] = [Principal.Secretariat, Principal.Chair, Principal.OfficerOwning, Principal.OfficerNotOwning, Principal.Viewer],
        [Policies.Update] = [Principal.Secretariat, Principal.Chair, Principal.OfficerOwning, Principal.OfficerNotOwning],
        [Policies.ChairOrSecretariat] = [Principal.Secretariat, Principal.Chair],
        [Policies.Secretariat] = [Principal.Secretariat],
        [Policies.Insights] = [Principal.Secretariat, Principal.Chair, Principal.Viewer],
    };

    private IEnumerable<RouteEndpoint> AppRoutes() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.Contains('.', StringComparison.Ordinal)
                || e.RoutePattern.RawText is "/openapi/{documentName}.json" or "/ical/person/{token}.ics" or "/ical/series/{seriesId}/{token}.ics"
                || (e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) ?? false)
                || (e.RoutePattern.RawText?.StartsWith("/public/", StringComparison.Ordinal) ?? false))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            // The framework's static-file fallback serves files only; the app's fallback policy still guards it.
            .Where(e => !(e.RoutePattern.RawText?.Contains(":file}", StringComparison.Ordinal) ?? false));

    [Fact]
    public void Every_route_names_a_policy_or_is_one_of_the_few_public_ones()
    {
        var routes = AppRoutes().ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var raw = route.RoutePattern.RawText!;
            var anonymous = route.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = route.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (anonymous)
                Assert.True(PublicRoutes.Contains(raw), $"{raw} allows anonymous access but is not one of the public routes.");
            else
                Assert.True(policies.Count > 0 && policies.All(p => p is not null && AllowedByPolicy.ContainsKey(p)),
                    $"{raw} ({route.DisplayName}) has no explicit policy (found: {string.Join(", ", policies.Select(p => p ?? "(none)"))}).");
        }
    }

    public static TheoryData<Principal> Principals => new(Enum.GetValues<Principal>());

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Every_page_and_read_endpoint_answers_each_caller_as_the_table_says(Principal principal)
    {
        var ids = await KnownIdsAsync();
        using var client = NoRedirects(principal);
        var failures = new List<string>();
        foreach (var route in AppRoutes().Where(r => IsGet(r)))
        {
            var raw = route.RoutePattern.RawText!;
            if (raw.StartsWith("/ical/", StringComparison.Ordinal) || raw is "/account/logout" or "/account/external" or "/account/external-callback")
                continue;
            var url = Fill(raw, ids);
            using var response = await client.GetAsync(url);
            if (raw.StartsWith("/public/meetings/", StringComparison.Ordinal))
            {
                // The meeting filled in is held but not published: the public routes answer as if it did not exist, to everyone.
                if (response.StatusCode != HttpStatusCode.NotFound)
                    failures.Add($"{principal} GET {url}: {(int)response.StatusCode}, expected 404 for notes that are not published");
                continue;
            }
            var allowed = Allowed(route, principal);
            var granted = response.IsSuccessStatusCode;
            if (allowed != granted)
                failures.Add($"{principal} GET {url}: {(int)response.StatusCode}, expected {(allowed ? "access" : "refusal")}");
            if (!granted && !IsRefusal(response))
                failures.Add($"{principal} GET {url}: {(int)response.StatusCode} is neither a success nor a proper refusal");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task The_public_pages_answer_every_caller_alike_and_never_show_a_meeting_whose_notes_are_not_published(Principal principal)
    {
        var unpublished = (await KnownIdsAsync())["id"];
        using var client = NoRedirects(principal);

        foreach (var path in new[] { "/public", "/public/actions", "/public/feed.atom" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{principal} GET {path}: {(int)response.StatusCode}");
            Assert.DoesNotContain($"/public/meetings/{unpublished}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var notes = await client.GetAsync($"/public/meetings/{unpublished}");
        Assert.Equal(HttpStatusCode.NotFound, notes.StatusCode);
    }

    [Theory]
    [InlineData(Principal.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Principal.DisplayToken, HttpStatusCode.Unauthorized)]
    [InlineData(Principal.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Principal.OfficerNotOwning, HttpStatusCode.Forbidden)]
    [InlineData(Principal.OfficerOwning, HttpStatusCode.Created)]
    [InlineData(Principal.Chair, HttpStatusCode.Created)]
    [InlineData(Principal.Secretariat, HttpStatusCode.Created)]
    public async Task Posting_an_update_follows_the_same_rule_as_the_ui(Principal principal, HttpStatusCode expected)
    {
        var reference = await CcActionAsync();
        var text = $"Update from {principal} {Guid.NewGuid():N}";
        using var response = await app.ClientFor(principal).PostAsJsonAsync($"/api/v1/actions/{reference}/updates", new { text });

        Assert.Equal(expected, response.StatusCode);
        var detail = await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/actions/{reference}");
        var written = detail.GetProperty("updates").EnumerateArray().Any(u => u.GetProperty("text").GetString() == text);
        Assert.Equal(expected == HttpStatusCode.Created, written);
    }

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Only_the_secretariat_opens_the_job_dashboard(Principal principal)
    {
        using var client = NoRedirects(principal);
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(principal == Principal.Secretariat, response.IsSuccessStatusCode);
        if (principal != Principal.Secretariat)
            Assert.True(IsRefusal(response), $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_stale_update_through_the_api_is_refused_with_a_clear_message_and_nothing_is_lost()
    {
        var reference = await CcActionAsync();
        var version = (await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/actions/{reference}"))
            .GetProperty("action").GetProperty("version").GetInt32();

        using var first = await app.ClientFor(Principal.OfficerOwning).PostAsJsonAsync($"/api/v1/actions/{reference}/updates", new { text = "First, from the CC", version });
        using var second = await app.ClientFor(Principal.Secretariat).PostAsJsonAsync($"/api/v1/actions/{reference}/updates", new { text = "Second, from a stale copy", version });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("changed by someone else", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var texts = (await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/actions/{reference}"))
            .GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("text").GetString()).ToList();
        Assert.Contains("First, from the CC", texts);
        Assert.DoesNotContain("Second, from a stale copy", texts);
    }

    [Fact]
    public async Task Updates_posted_at_once_through_the_api_without_a_version_are_all_created()
    {
        var reference = await CcActionAsync();
        var texts = Enumerable.Range(1, 8).Select(i => $"Appended {i} {Guid.NewGuid():N}").ToList();

        var responses = await Task.WhenAll(texts.Select(text =>
            app.ClientFor(Principal.Secretariat).PostAsJsonAsync($"/api/v1/actions/{reference}/updates", new { text })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        var written = (await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/actions/{reference}"))
            .GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("text").GetString()).ToList();
        Assert.All(texts, text => Assert.Contains(text, written));
    }

    [Fact]
    public async Task A_disabled_account_loses_access_at_once_and_its_audit_shows_who_did_it()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var tokens = app.Factory.Services.GetRequiredService<TokenService>();
        var created = await accounts.CreateUserAsync(new NewUser($"leaver-{Guid.NewGuid():N}@example.org", "Leaver", AppRoles.Viewer), null, "test");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await tokens.CreateApiTokenAsync(created.Id, "t", "test")).Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/meetings")).StatusCode);

        await accounts.DisableAsync(created.Email, "Sam Carter");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/meetings")).StatusCode);
        var audit = app.Factory.Services.GetRequiredService<HoldingToAccount.Core.Audit.AuditService>();
        var history = await audit.ForEntityAsync("ApplicationUser", created.Id);
        Assert.Contains(history, e => e.Who == "Sam Carter" && e.After!.Contains("\"Disabled\":true", StringComparison.Ordinal));
        Assert.DoesNotContain(history, e => (e.After ?? "").Contains("AQAAAA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_or_made_up_display_token_opens_no_board()
    {
        using var bogus = await app.Anonymous.GetStringAsync("/board/not-a-real-token") is var page ? new StringContent(page) : null;
        Assert.Contains("This display link is not valid", await bogus!.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"board\"", await app.Anonymous.GetStringAsync(app.DisplayPath), StringComparison.Ordinal);
    }

    private static bool Allowed(RouteEndpoint route, Principal principal)
    {
        if (route.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            return true;
        return route.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => AllowedByPolicy[a.Policy!].Contains(principal));
    }

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/", StringComparison.Ordinal) == true);

    private static bool IsGet(RouteEndpoint route) =>
        route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET");

    private HttpClient NoRedirects(Principal principal)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        if (app.ClientFor(principal).DefaultRequestHeaders.Authorization is { } auth)
            client.DefaultRequestHeaders.Authorization = auth;
        return client;
    }

    private async Task<Dictionary<string, string>> KnownIdsAsync()
    {
        var meetings = await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/meetings?from=2017-01-31&to=2017-01-31");
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = meetings.EnumerateArray().Single().GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reference"] = await CcActionAsync(),
            ["DisplayToken"] = app.DisplayPath["/board/".Length..],
            ["documentName"] = "v1",
        };
    }

    private static string Fill(string raw, Dictionary<string, string> ids) =>
        System.Text.RegularExpressions.Regex.Replace(raw, @"\{(\w+)(:[^}]*)?\}", m => ids.TryGetValue(m.Groups[1].Value, out var v) ? v : "1");

    /// <summary>The "North Worcestershire" burglary action, owned by the CC.</summary>
    private async Task<string> CcActionAsync()
    {
        var page = await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/actions?q=North%20Worcestershire");
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("reference").GetString()!.Replace('/', '-');
    }
}
