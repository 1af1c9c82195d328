using HoldingToAccount.Core.Data;
using Microsoft.Extensions.Configuration;

namespace HoldingToAccount.Tests.Core;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings From(string? provider, string? connectionString) =>
        DatabaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Default"] = connectionString,
        }).Build());

    [Fact]
    public void With_nothing_configured_the_app_uses_its_SQLite_file()
    {
        var settings = From(null, null);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(DatabaseSettings.DefaultSqliteConnectionString, settings.ConnectionString);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    public void Postgres_is_chosen_by_name_in_any_case(string name) =>
        Assert.True(From(name, "Host=db.internal;Database=hta").IsPostgres);

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From("Postgres", " "));
        Assert.Contains("ConnectionStrings:Default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From("Oracle", "x"));
        Assert.Contains("use Sqlite or Postgres", error.Message, StringComparison.Ordinal);
    }
}
