using System.Net;
using System.Text.RegularExpressions;

namespace HoldingToAccount.Tests.Integration;

/// <summary>Signs in as a browser does: fetches the sign-in form (and its antiforgery cookie) and posts it back.</summary>
public static partial class FormSignIn
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Client(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, Action<HttpRequestMessage>? configure = null)
    {
        var form = await client.GetStringAsync("/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AntiforgeryToken(form),
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>The antiforgery token a rendered form carries, as the browser would post it back.</summary>
    public static string AntiforgeryToken(string form) => WebUtility.HtmlDecode(Antiforgery().Match(form).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
