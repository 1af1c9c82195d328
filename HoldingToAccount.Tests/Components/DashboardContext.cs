using System.Security.Claims;
using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HoldingToAccount.Tests.Components;

/// <summary>
/// bUnit 2 with MudBlazor, over Core's real services on a real SQLite file (see <see cref="TestDatabase"/>). The register
/// holds a January meeting (held) and February, March and April meetings (planned); today is the February meeting's day.
/// </summary>
[Needs(Need.Database)]
public abstract class DashboardContext : BunitContext, IAsyncLifetime
{
    protected static readonly DateOnly Jan = new(2017, 1, 31), Feb = new(2017, 2, 28), Mar = new(2017, 3, 28), Apr = new(2017, 4, 25);

    protected TestDatabase Database { get; private set; } = null!;
    protected RegisterBuilder Register { get; private set; } = null!;
    protected int JanId { get; private set; }
    protected int FebId { get; private set; }
    protected int MarId { get; private set; }
    protected int AprId { get; private set; }

    /// <summary>The whole test run shares two cores; a second is too short to wait for a re-render under that load.</summary>
    static DashboardContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected DashboardContext()
    {
        // Messages show and go without fading in or out, so a test sees them at once.
        Services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.ShowTransitionDuration = 0;
            mud.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 28, 8, 0, 0, TimeSpan.Zero));
        Register = await RegisterBuilder.CreateAsync(Database);
        await using (var db = await Database.CreateContextAsync())
        {
            db.AgendaSections.AddRange(
                new AgendaSection { SeriesId = Register.SeriesId, Number = "4a", Title = "Performance against the police and crime plan", Order = 4 },
                new AgendaSection { SeriesId = Register.SeriesId, Number = "4b", Title = "Delivery of strategic initiatives", Order = 5 });
            await db.SaveChangesAsync();
        }
        JanId = await Register.MeetingAsync(Jan);
        FebId = await Register.MeetingAsync(Feb, MeetingStatus.Planned);
        MarId = await Register.MeetingAsync(Mar, MeetingStatus.Planned);
        AprId = await Register.MeetingAsync(Apr, MeetingStatus.Planned);

        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(Database.Get<ActionService>());
        Services.AddSingleton(Database.Get<MeetingService>());
        Services.AddSingleton(Database.Get<PeopleService>());
        Services.AddSingleton(Database.Get<AuditService>());
        Services.AddSingleton(Database.Get<ChangeNotifier>());
        Services.AddSingleton(Database.Get<PresenterFocus>());
        Services.AddSingleton(Database.Get<RoomScreen>());
        Services.AddSingleton(Database.Get<HoldingToAccount.Core.Publishing.PublicationService>());
        Services.AddSingleton(Database.Get<HoldingToAccount.Core.Reminders.Chasing.ChaseService>());
        Services.AddSingleton<IDbContextFactory<AuthDbContext>>(_authDatabase);
        Services.AddSingleton<TokenService>();
    }

    /// <summary>Where select lists and menus open (after <see cref="RenderProviders"/>).</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    /// <summary>Where snackbar messages show (after <see cref="RenderProviders"/>).</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;

    protected ActionService Actions => Database.Get<ActionService>();

    private ServiceProvider? _appAuthorization;
    private readonly ScratchAuthDatabase _authDatabase = new();

    /// <summary>Signs the test user in with one app role (and, for an officer, the person they are).</summary>
    protected void SignInAs(string role, string name = "Test User", int? personId = null)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        var claims = new List<Claim> { new(AppClaims.DisplayName, name) };
        if (personId is { } id)
            claims.Add(new Claim(AppClaims.PersonId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        auth.SetClaims([.. claims]);
        UseAppPolicies();
    }

    /// <summary>Policies are decided as the app decides them: by the registration the app makes, over the signed-in
    /// user's roles (bUnit's own authorization service would take a list of policies the user is said to pass).</summary>
    private void UseAppPolicies()
    {
        _appAuthorization ??= new ServiceCollection().AddLogging().AddAppAuthorization().BuildServiceProvider();
        Services.AddSingleton(_appAuthorization.GetRequiredService<IAuthorizationService>());
        Services.AddSingleton(_appAuthorization.GetRequiredService<IAuthorizationPolicyProvider>());
    }

    /// <summary>
    /// Sessions of <see cref="RegisterBuilder.ThematicSeriesAsync"/> on 14 February (held), 14 March and 11 April (planned),
    /// and an action raised in February due at the March session: brought forward to it.
    /// </summary>
    protected async Task<(int March, ActionRow Action)> ThematicSessionsAsync()
    {
        var series = await Register.ThematicSeriesAsync();
        var february = await Register.MeetingAsync(new DateOnly(2017, 2, 14), MeetingStatus.Held, series);
        var march = await Register.MeetingAsync(new DateOnly(2017, 3, 14), MeetingStatus.Planned, series);
        await Register.MeetingAsync(new DateOnly(2017, 4, 11), MeetingStatus.Planned, series);
        await Database.Get<MeetingService>().AddAgendaItemAsync(march, new AgendaItemInput("1", "Why rural crime"), RegisterBuilder.Secretariat);
        var action = await Register.ActionAsync(february, "Farm machinery thefts reviewed with the NFU", dueMeetingId: march);
        return (march, action);
    }

    /// <summary>Dialogs and snackbars render in their providers; render these first to see them.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Popovers = Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAllAsync();

    private async Task DisposeAllAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        _authDatabase.Dispose();
        if (_appAuthorization is not null)
            await _appAuthorization.DisposeAsync();
    }
}
