using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard.Auth;

public static class AuthSetup
{
    private const string SmartScheme = "CookieOrToken";

    /// <summary>Identity and tokens that the command line also needs (create-user, create-token…).</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDbContextFactory<AuthDbContext, AuthDbContextFactory>((provider, options) => options
            .UseConfiguredDatabase(provider.GetRequiredService<DatabaseSettings>(), AuthDbContext.MigrationsHistoryTable)
            .AddInterceptors(provider.GetRequiredService<ControlCharacterInterceptor>(), provider.GetRequiredService<AuditInterceptor>()));
        builder.Services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();
        builder.Services.AddSingleton<TokenService>();

        builder.AddSigningKeys();
        builder.Services.AddScoped<AccountService>();
    }

    public static void AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        // Here, not with the accounts: signing in needs the authentication services above, which the command line
        // does not register (a verb run in Development, where every registration is checked at start, would fail).
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "hta.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        AddSingleSignOn(builder, authentication);

        services.AddAppAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddAppRateLimits(builder.Configuration);
        services.AddForwardedHeaders(builder.Configuration);
    }

    public static void UseSignIn(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        // After authentication, so the API's limits are per signed-in person rather than per address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapAccountEndpoints();
    }

    /// <summary>The API answers 401/403; pages redirect to the sign-in page.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Api.ApiProblems.IsForPrograms(context.Request.Path) || context.Request.Path.StartsWithSegments("/ical"))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
                context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>OpenID Connect (e.g. Microsoft Entra ID) when Authentication:OpenIdConnect:Authority is set; local accounts keep working.</summary>
    private static void AddSingleSignOn(WebApplicationBuilder builder, Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication)
    {
        var section = builder.Configuration.GetSection("Authentication:OpenIdConnect");
        if (string.IsNullOrWhiteSpace(section["Authority"]))
            return;
        authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, section["DisplayName"] ?? "Single sign-on", options =>
        {
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.CallbackPath = section["CallbackPath"] ?? "/signin-oidc";
            options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", defaultValue: true);
            options.Scope.Add("email");
        });
    }
}
