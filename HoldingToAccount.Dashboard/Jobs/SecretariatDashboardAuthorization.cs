using Hangfire.Dashboard;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace HoldingToAccount.Dashboard.Jobs;

/// <summary>
/// Lets into /hangfire only a user the <see cref="Policies.Secretariat"/> policy allows, asked through the request's
/// <see cref="IAuthorizationService"/>. Fails closed: no sign-in, no policy registered, or any error means no.
/// </summary>
public sealed class SecretariatDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true
            && await http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync() is not null)
        {
            var result = await http.AuthenticateAsync();
            if (result.Succeeded)
                user = result.Principal;
        }
        if (user.Identity?.IsAuthenticated != true)
            return false;
        try
        {
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;
        }
        catch (InvalidOperationException)
        {
            return false; // the policy is not registered: nobody gets in
        }
    }
}
