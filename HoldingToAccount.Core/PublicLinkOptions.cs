using System.ComponentModel.DataAnnotations;

namespace HoldingToAccount.Core;

/// <summary>
/// Where the register is reached, bound from <c>App:PublicBaseUrl</c>: the base of every absolute link in e-mails,
/// calendar feeds, exports and command-line output, and the host that makes calendar UIDs this installation's own.
/// </summary>
public sealed class PublicLinkOptions
{
    public const string Section = "App";
    public const string DefaultBaseUrl = "http://localhost:5132";

    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base without a trailing slash, e.g. <c>https://hta.example.org</c>.</summary>
    public string BaseUrl => string.IsNullOrWhiteSpace(PublicBaseUrl) ? DefaultBaseUrl : PublicBaseUrl.Trim().TrimEnd('/');

    public string Host => new Uri(BaseUrl, UriKind.Absolute).Host;

    /// <summary>The absolute address of a path of the app, such as <c>meetings/12</c>.</summary>
    public Uri Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(new Uri(BaseUrl + "/"), path.TrimStart('/'));
    }
}
