using System.Collections.Concurrent;
using System.Net;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Observability;
using HoldingToAccount.Tests.Integration;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoldingToAccount.Tests.Observability;

/// <summary>
/// An operator following one person's request through the logs: each line written while it is handled carries the
/// request's id (the one the response hands back in X-Request-Id) and the account that made it — never the password.
/// The lines are taken from the app's own logging pipeline by a logger provider that records scopes as the console's
/// JSON formatter writes them.
/// </summary>
[Needs(Need.Database)]
public sealed class RequestLogTests : IAsyncLifetime
{
    private const string Email = "dana.hollis@example.org";
    private readonly string _password = $"Test-{Guid.NewGuid():N}";
    private readonly string _root = Directory.CreateTempSubdirectory("hta-logs-").FullName;
    private readonly ConcurrentQueue<Line> _lines = new();
    private ScratchDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in _database.Configuration)
                web.UseSetting(key, value);
            web.UseSetting("Email:PickupDirectory", Path.Combine(_root, "mail"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(_root, "keys"));
            web.ConfigureLogging(logging => logging.AddProvider(new RecordingLoggerProvider(_lines)).AddFilter<RecordingLoggerProvider>(null, LogLevel.Debug));
        });
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateUserAsync(new NewUser(Email, "Dana Hollis", AppRoles.Secretariat, null), _password, "test");
    }

    [Fact]
    public async Task A_signed_in_request_logs_its_request_id_and_the_account_but_never_the_password()
    {
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var browser = FormSignIn.Client(address);
        using (var signedIn = await FormSignIn.PostAsync(browser, Email, _password))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var user = await _app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AccountService>().FindAsync(Email);

        using var page = await browser.GetAsync("/meetings");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var requestId = Assert.Single(page.Headers.GetValues(RequestLogScope.RequestIdHeader));
        var lines = _lines.Where(l => l.Scope.GetValueOrDefault("RequestId") as string == requestId).ToList();
        Assert.Contains(lines, l => l.Category == "Microsoft.AspNetCore.Routing.EndpointMiddleware" && l.Message.Contains("/meetings"));
        Assert.All(lines.Where(l => l.Scope.ContainsKey("SignedInWith")), l => Assert.Equal(user!.Id, l.Scope["UserId"]));
        Assert.Contains(lines, l => l.Scope.GetValueOrDefault("UserId") as string == user!.Id);
        Assert.DoesNotContain(_lines, l => l.Message.Contains(_password) || l.Scope.Values.Any(v => v?.ToString()?.Contains(_password) == true));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    public sealed record Line(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    /// <summary>Keeps every line with the fields of the scopes around it, as the console's JSON formatter would print them.</summary>
    private sealed class RecordingLoggerProvider(ConcurrentQueue<Line> lines) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Line> Lines => lines;

        public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = new Dictionary<string, object?>();
                provider._scopes.ForEachScope((scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs)
                            into[key] = value;
                }, fields);
                provider.Lines.Enqueue(new Line(category, formatter(state, exception), fields));
            }
        }
    }
}
