using System.Xml.Linq;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard.Auth;

/// <summary>One key of the ring that protects sign-in cookies and antiforgery tokens, as ASP.NET writes it.</summary>
public sealed class StoredSigningKey : INotAudited
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// Where the key ring lives. On PostgreSQL several instances share one database, so they share the keys there: a cookie
/// issued by one instance is read by any other. On SQLite (one instance) the keys stay in a folder beside the database.
/// </summary>
public static class SigningKeys
{
    public static void AddSigningKeys(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("HoldingToAccount");
        if (DatabaseSettings.From(builder.Configuration).IsPostgres)
        {
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<IDbContextFactory<AuthDbContext>>((options, factory) => options.XmlRepository = new DatabaseKeyRepository(factory));
            return;
        }
        // Persisted so a restart keeps people signed in; shared by the command line, which issues tokens too.
        var keys = builder.Configuration["DataProtection:KeysDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys");
        protection.PersistKeysToFileSystem(Directory.CreateDirectory(keys));
    }

    private sealed class DatabaseKeyRepository(IDbContextFactory<AuthDbContext> factory) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var db = factory.CreateDbContext();
            return db.SigningKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            // Key material is never copied into the audit trail, so the row is written directly rather than saved as a change.
            using var db = factory.CreateDbContext();
            var xml = element.ToString(SaveOptions.DisableFormatting);
            db.Database.ExecuteSql($"INSERT INTO \"SigningKeys\" (\"FriendlyName\", \"Xml\") VALUES ({friendlyName}, {xml})");
        }
    }
}
