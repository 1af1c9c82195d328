using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HoldingToAccount.Dashboard.Auth;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn, ILoggerFactory logs, HttpContext context) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            logs.CreateLogger("HoldingToAccount.SignIn").LogInformation("{User} signed out", name);
            return TypedResults.LocalRedirect("/account/login?signedOut=true");
        }).AllowAnonymous();
}
