using System.Net;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Integration;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as when an office scales out, each with a keys folder of its own:
/// a person signed in through one instance is still signed in when the next request lands on the other.
/// </summary>
[Needs(Need.Database)]
public sealed class SharedSigningKeysTests
{
    [Fact]
    public async Task A_sign_in_made_on_one_instance_is_honoured_by_another_on_the_same_PostgreSQL_database()
    {
        await using var database = await ScratchDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = Start(database);
        await using var second = Start(database);
        var password = $"Test-{Guid.NewGuid():N}";
        await using (var scope = first.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateUserAsync(new NewUser("dana.hollis@example.org", "Dana Hollis", AppRoles.Secretariat, null), password, "test");

        using var browser = FormSignIn.Client(BaseAddress(first));
        using var signedIn = await FormSignIn.PostAsync(browser, "dana.hollis@example.org", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hta.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var elsewhere = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress(second) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/meetings");
        request.Headers.Add("Cookie", cookie);
        using var page = await elsewhere.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var db = await first.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.SigningKeys.ToListAsync());
    }

    private static WebApplicationFactory<Program> Start(ScratchDatabase database)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in database.Configuration)
                web.UseSetting(key, value);
            web.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), $"hta-mail-{Guid.NewGuid():N}"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(Path.GetTempPath(), $"hta-keys-{Guid.NewGuid():N}"));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private static Uri BaseAddress(WebApplicationFactory<Program> factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
