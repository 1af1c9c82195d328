using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Hangfire;
using Hangfire.Storage;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Jobs;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// <see cref="JobsSetup"/> on a minimal web host on real Kestrel with a real Hangfire server: in-memory storage over
/// SQLite, PostgreSQL storage when the tests run on PostgreSQL (<c>HTA_TEST_PROVIDER=Postgres</c>).
/// Sign-in is a test scheme that takes the role from a header: the app's own sign-in is not part of this host.
/// </summary>
[Needs(Need.Database)]
public sealed class JobsSetupTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"hta-jobs-{Guid.NewGuid():N}");
    private WebApplication _app = null!;
    private ScratchDatabase _database = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _database = await ScratchDatabase.CreateAsync();
        builder.Configuration.AddInMemoryCollection(_database.Configuration);
        builder.Configuration["Email:PickupDirectory"] = Path.Combine(_root, "pickup");
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policies.Secretariat, p => p.RequireRole(AppRoles.Secretariat));
        builder.AddJobs();
        builder.Services.AddCore(builder.Configuration);

        _app = builder.Build();
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            await Database.MigrateAsync(db);
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.UseJobs();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _address = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void The_sweep_is_registered_every_15_minutes_in_Europe_London_as_read_back_from_Hangfire_storage()
    {
        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ReminderSweepJob.RecurringId);

        Assert.Equal("Europe/London", job.TimeZoneId);
        Assert.Equal("*/15 * * * *", job.Cron);
        Assert.Equal(typeof(ReminderSweepJob), job.Job.Type);
        var next = TimeZoneInfo.ConvertTimeFromUtc(job.NextExecution!.Value, London.Zone);
        Assert.Equal(0, next.Minute % 15);
        Assert.Equal(0, next.Second);
    }

    [Fact]
    public void The_queue_is_kept_in_PostgreSQL_when_the_register_is()
    {
        var storage = _app.Services.GetRequiredService<JobStorage>();
        if (!_database.Settings.IsPostgres)
            Assert.IsType<Hangfire.InMemory.InMemoryStorage>(storage);
        else
            Assert.IsType<Hangfire.PostgreSql.PostgreSqlStorage>(storage);
    }

    [Fact]
    public async Task The_catch_up_sweep_runs_once_at_start_and_records_the_sweep_in_the_database()
    {
        var sweep = _app.Services.GetRequiredService<ReminderSweep>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await sweep.LastAsync() is null && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.NotNull(await sweep.LastAsync());
        Assert.False(await sweep.IsOverdueAsync());
        Assert.IsType<HangfireReminderQueue>(_app.Services.GetRequiredService<IReminderQueue>());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(AppRoles.Officer, HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Chair, HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Secretariat, HttpStatusCode.OK)]
    public async Task The_Hangfire_dashboard_is_for_the_secretariat_only(string? role, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        if (role is not null)
            request.Headers.Add(HeaderAuthentication.Header, role);

        using var client = new HttpClient { BaseAddress = _address };
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Contains(ReminderSweepJob.RecurringId, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs the request in with the role named in a header (test only).</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";
        public const string Header = "X-Test-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var role) || string.IsNullOrEmpty(role))
                return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester"), new Claim(ClaimTypes.Role, role.ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
