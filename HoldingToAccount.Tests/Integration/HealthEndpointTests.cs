using System.Net.Http.Json;
using System.Text.Json;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Integration;

/// <summary>/healthz is open to monitors, so it tells the world only whether the app is well; the secretariat sees why.</summary>
[Needs(Need.Database)]
[Collection(AppCollection.Name)]
public sealed class HealthEndpointTests(AppFixture app)
{
    [Theory]
    [InlineData(Principal.Anonymous)]
    [InlineData(Principal.Viewer)]
    [InlineData(Principal.Chair)]
    [InlineData(Principal.DisplayToken)]
    public async Task Anyone_but_the_secretariat_gets_the_status_and_nothing_about_folders_or_servers(Principal caller)
    {
        using var response = await app.ClientFor(caller).GetAsync("/healthz");
        var text = await response.Content.ReadAsStringAsync();
        var health = JsonDocument.Parse(text).RootElement;

        Assert.Equal(["status"], health.EnumerateObject().Select(p => p.Name));
        Assert.NotEqual("Unhealthy", health.GetProperty("status").GetString());
        Assert.DoesNotContain(app.MailPickup, text, StringComparison.Ordinal);
        Assert.DoesNotContain("/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_gets_each_check_with_what_it_found()
    {
        var health = await app.ClientFor(Principal.Secretariat).GetFromJsonAsync<JsonElement>("/healthz");

        var mail = health.GetProperty("checks").GetProperty("mail");
        Assert.Equal("Healthy", mail.GetProperty("status").GetString());
        Assert.Contains(app.MailPickup, mail.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
