using System.Net;
using HoldingToAccount.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HoldingToAccount.Tests.Integration;

/// <summary>
/// The whole app on real Kestrel (loopback, free port) over its own SQLite file, in Development so the demo register
/// loads on the empty database. The clock is fixed at 1 February 2017, between the January and February meetings.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2017, 2, 1);
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"hta-app-{Guid.NewGuid():N}.db");

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(London.ToInstant(Today, new TimeOnly(9, 0)));
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath}");
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseAddress = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_databasePath + suffix);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
