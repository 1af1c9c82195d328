// The minimal reference board the product's board is measured against: a Blazor Server app of its own in the bench
// process — one page listing the actions' latest texts, a singleton notifier raised when an update is saved, and
// StateHasChanged through InvokeAsync. No database, no layout, no paging: what any live board must pay at least.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoldingToAccount.Bench.Board;

/// <summary>Holds the latest text of each action in memory and tells every open board when one is saved.</summary>
public sealed class ReferenceNotifier
{
    private readonly string[] _texts = Enumerable.Range(1, ReferenceBoard.Actions).Select(i => $"Action {i}: no update yet").ToArray();

    public event Action? Saved;

    public IReadOnlyList<string> Texts => _texts;

    public void Save(int action, string text)
    {
        Volatile.Write(ref _texts[action % _texts.Length], text);
        Saved?.Invoke();
    }
}

/// <summary>The interactive list: re-renders on every save.</summary>
public sealed class ReferenceList : ComponentBase, IDisposable
{
    [Inject] private ReferenceNotifier Notifier { get; set; } = null!;

    protected override void OnInitialized() => Notifier.Saved += OnSaved;

    private void OnSaved() => _ = InvokeAsync(StateHasChanged);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "ol");
        foreach (var text in Notifier.Texts)
        {
            builder.OpenElement(1, "li");
            builder.AddContent(2, text);
            builder.CloseElement();
        }
        builder.CloseElement();
        builder.OpenElement(3, "p");
        builder.AddAttribute(4, "data-testid", "render-mode");
        builder.AddContent(5, RendererInfo.IsInteractive ? "interactive" : "static");
        builder.CloseElement();
    }

    public void Dispose() => Notifier.Saved -= OnSaved;
}

/// <summary>The page: the document shell around the interactive list.</summary>
[Route("/")]
public sealed class ReferencePage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\" /><base href=\"/\" /><title>Reference board</title></head><body>");
        builder.OpenComponent<ReferenceList>(1);
        builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        builder.CloseComponent();
        builder.AddMarkupContent(2, "<script src=\"_framework/blazor.web.js\"></script></body></html>");
    }
}

public static class ReferenceBoard
{
    /// <summary>As many actions as the product's board lists, give or take: the list re-rendered on each save.</summary>
    public const int Actions = 20;

    /// <summary>
    /// The reference app on a loopback port; an update is <c>POST /updates {"action": i, "text": "…"}</c>. Blazor's
    /// script is the very file the product serves (a bench app has no static web assets of its own).
    /// </summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(string productUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(productUrl) };
        var blazorScript = await http.GetByteArrayAsync("/_framework/blazor.web.js");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSingleton<ReferenceNotifier>();
        var app = builder.Build();
        app.MapGet("/_framework/blazor.web.js", () => Results.Bytes(blazorScript, "text/javascript"));
        app.UseAntiforgery();
        app.MapPost("/updates", (ReferenceUpdate update, ReferenceNotifier notifier) =>
        {
            notifier.Save(update.Action, update.Text);
            return Results.NoContent();
        });
        app.MapRazorComponents<ReferencePage>().AddInteractiveServerRenderMode();
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

public sealed record ReferenceUpdate(int Action, string Text);
