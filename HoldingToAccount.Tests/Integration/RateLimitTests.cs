using System.Net;
using System.Text.RegularExpressions;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Integration;

/// <summary>The app with small limits, so a test can use one up in a few requests.</summary>
public sealed class LimitedAppFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RateLimits:SignInPerClient"] = "3",
        ["RateLimits:PerToken"] = "4",
        ["RateLimits:PerBoard"] = "2",
    };
}

/// <summary>
/// Behind the office's reverse proxy every request arrives from the proxy's address. The tests call the app on loopback,
/// where a proxy is trusted by default, and say who the client is with <c>X-Forwarded-For</c> as nginx does.
/// </summary>
[Needs(Need.Database)]
public sealed partial class RateLimitTests(LimitedAppFixture app) : IClassFixture<LimitedAppFixture>
{
    [Fact]
    public async Task Failed_sign_ins_from_one_computer_do_not_stop_a_colleague_behind_the_same_proxy_from_signing_in()
    {
        using var guesser = SignInClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var failed = await SignInAsync(guesser, "203.0.113.7", AppFixture.BrowserOfficerEmail, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("The e-mail address or password is not right.", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var limited = await SignInAsync(guesser, "203.0.113.7", AppFixture.BrowserOfficerEmail, app.BrowserPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", page, StringComparison.Ordinal);

        using var colleague = SignInClient();
        using var signedIn = await SignInAsync(colleague, "203.0.113.8", AppFixture.BrowserOfficerEmail, app.BrowserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("hta.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signed_in_through_a_TLS_proxy_the_session_cookie_is_sent_only_over_HTTPS()
    {
        using var client = SignInClient();

        using var signedIn = await SignInAsync(client, "203.0.113.20", AppFixture.BrowserOfficerEmail, app.BrowserPassword, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hta.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_busy_API_token_is_limited_on_its_own_and_another_token_keeps_working()
    {
        using var busy = app.Bearer(await NewApiTokenAsync("sam.carter@example.org"));
        using var other = app.Bearer(await NewApiTokenAsync("john.campion@example.org"));
        for (var request = 0; request < 4; request++)
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/meetings")).StatusCode);

        using var limited = await busy.GetAsync("/api/v1/meetings");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/meetings")).StatusCode);
    }

    [Fact]
    public async Task A_board_that_reloads_too_often_is_told_to_wait_and_retries_at_its_own_display_link()
    {
        var display = await Tokens.CreateDisplayTokenAsync("Room 2", "test");
        var path = $"/board/{display.Token}";
        using var screen = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        for (var load = 0; load < 2; load++)
            Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync(path)).StatusCode);

        using var busy = await screen.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Null(busy.Headers.Location);
        var page = await busy.Content.ReadAsStringAsync();
        Assert.Contains("tries again by itself", page, StringComparison.Ordinal);
        // A refresh with no address reloads the page at the address it is on: the display link.
        var refresh = RefreshSeconds().Match(page);
        Assert.True(refresh.Success, page);
        Assert.Equal(busy.Headers.RetryAfter!.Delta!.Value.TotalSeconds, double.Parse(refresh.Groups[1].Value), 0);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync($"/board/{(await Tokens.CreateDisplayTokenAsync("Room 3", "test")).Token}")).StatusCode);
    }

    private TokenService Tokens => app.Factory.Services.GetRequiredService<TokenService>();

    private async Task<string> NewApiTokenAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountService>().FindAsync(email) ?? throw new InvalidOperationException(email);
        return (await Tokens.CreateApiTokenAsync(user.Id, "rate limits", "test")).Token;
    }

    private HttpClient SignInClient() => FormSignIn.Client(app.BaseAddress);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string forwardedFor, string email, string password, string? forwardedProto = null) =>
        FormSignIn.PostAsync(client, email, password, request =>
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            if (forwardedProto is not null)
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        });

    [GeneratedRegex("<meta http-equiv=\"refresh\" content=\"(\\d+)\">")]
    private static partial Regex RefreshSeconds();
}
