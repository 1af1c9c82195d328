using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HoldingToAccount.Dashboard.Auth;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn, ILoggerFactory logs, HttpContext context) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            logs.CreateLogger("HoldingToAccount.SignIn").LogInformation("{User} signed out", name);
            return TypedResults.LocalRedirect("/account/login?signedOut=true");
        }).AllowAnonymous();

        // Single sign-on: only an existing account (matched by e-mail) may sign in this way; accounts are made by the secretariat.
        app.MapPost("/account/external", ([FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn) =>
        {
            var callback = "/account/external-callback?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl));
            var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, callback);
            return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous();

        app.MapGet("/account/external-callback", async (string? returnUrl, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, ILoggerFactory logs) =>
        {
            var log = logs.CreateLogger("HoldingToAccount.SignIn");
            var info = await signIn.GetExternalLoginInfoAsync();
            if (info is null)
                return TypedResults.LocalRedirect("/account/login?external=failed");
            var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
            if (!result.Succeeded && !result.IsLockedOut && info.Principal.FindFirstValue(ClaimTypes.Email) is { } email
                && await users.FindByEmailAsync(email) is { Disabled: false } user && (await users.AddLoginAsync(user, info)).Succeeded)
                result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
            if (result.Succeeded)
            {
                log.LogInformation("{Provider} user {Key} signed in", info.LoginProvider, info.ProviderKey);
                return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
            }
            log.LogWarning("Single sign-on from {Provider} refused for {Key}", info.LoginProvider, info.ProviderKey);
            return TypedResults.LocalRedirect("/account/login?external=unknown");
        }).AllowAnonymous();
    }

    private static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/";
}
