using System.Net;
using HoldingToAccount.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Integration;

/// <summary>
/// Single sign-on is configured from settings alone. No identity provider is reachable from this machine, so a small
/// discovery endpoint on loopback stands in for one: enough to prove the app offers the button, and sends the browser
/// to the provider with its client id and callback; the token exchange itself needs a real provider.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private static readonly string[] Code = ["code"], Public = ["public"], Rs256 = ["RS256"];
    private WebApplication _provider = null!;
    private WebApplicationFactory<Program> _app = null!;
    private readonly string _root = Directory.CreateTempSubdirectory("hta-sso-").FullName;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _provider = builder.Build();
        _provider.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"http://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer, ["authorization_endpoint"] = issuer + "/authorize", ["token_endpoint"] = issuer + "/token",
                ["jwks_uri"] = issuer + "/jwks", ["response_types_supported"] = Code,
                ["subject_types_supported"] = Public, ["id_token_signing_alg_values_supported"] = Rs256,
            });
        });
        _provider.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await _provider.StartAsync();
        var authority = _provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_root, "app.db")}");
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(_root, "keys"));
            web.UseSetting("Email:PickupDirectory", Path.Combine(_root, "mail"));
            web.UseSetting("Authentication:OpenIdConnect:Authority", authority);
            web.UseSetting("Authentication:OpenIdConnect:ClientId", "hta-test-client");
            web.UseSetting("Authentication:OpenIdConnect:ClientSecret", "not-a-real-secret");
            web.UseSetting("Authentication:OpenIdConnect:DisplayName", "Force account");
            web.UseSetting("Authentication:OpenIdConnect:RequireHttpsMetadata", "false");
        });
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
    }

    [Fact]
    public async Task With_an_authority_configured_the_sign_in_page_offers_single_sign_on_and_hands_over_to_the_provider()
    {
        var baseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = FormSignIn.Client(baseAddress);

        var page = await client.GetStringAsync("/account/login?returnUrl=%2Fmy-actions");
        Assert.Contains("Sign in with Force account", page, StringComparison.Ordinal);
        var token = FormSignIn.AntiforgeryToken(page);

        using var response = await client.PostAsync("/account/external", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["returnUrl"] = "/my-actions",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(_provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=hta-test-client", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(new Uri(baseAddress, "/signin-oidc").ToString()), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_accounts_keep_working_beside_single_sign_on()
    {
        var baseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = baseAddress };
        var page = await client.GetStringAsync("/account/login");
        Assert.Contains("id=\"password\"", page, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
