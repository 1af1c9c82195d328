using HoldingToAccount.Core;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// A register on a real SQLite file (<see cref="TestDatabase"/> + <see cref="RegisterBuilder"/>), with the reminder
/// services over the same file and the same fake clock, sending through a real SMTP server on loopback.
/// People: John Campion PCC, Anthony Bangham CC, Chris Singer DCC, Sam Carter PM (the secretariat); ACC is vacant.
/// </summary>
public sealed class ReminderHarness : IAsyncDisposable
{
    public const string BaseUrl = "https://hta.example.org";
    private readonly ServiceProvider _services;

    private ReminderHarness(TestDatabase database, RegisterBuilder register, SmtpSink smtp, Dictionary<string, string?> settings)
    {
        Database = database;
        Register = register;
        Smtp = smtp;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:From"] = "OPCC reminders <reminders@example.org>",
            ["Email:Smtp:TimeoutSeconds"] = "10",
            ["App:PublicBaseUrl"] = BaseUrl,
        }.Concat(database.Configuration).Concat(settings).ToDictionary()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddLogging();
        services.AddCore(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public TestDatabase Database { get; }
    public RegisterBuilder Register { get; }
    public SmtpSink Smtp { get; }
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => Database.Clock;

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ReminderHarness> CreateAsync(DateTimeOffset now, SmtpSink? smtp = null, Dictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(now);
        var register = await RegisterBuilder.CreateAsync(database);
        await using (var db = await database.CreateContextAsync())
        {
            var roles = await db.Roles.ToDictionaryAsync(r => r.Code);
            var pm = new Role { Code = "PM", Title = "Policy Manager" };
            db.Roles.Add(pm);
            db.AddHolder(roles["PCC"], "John Campion", new DateOnly(2016, 5, 12), email: EmailOf("John Campion"));
            db.AddHolder(roles["CC"], "Anthony Bangham", new DateOnly(2016, 1, 1), email: EmailOf("Anthony Bangham"));
            db.AddHolder(roles["DCC"], "Chris Singer", new DateOnly(2016, 11, 1), email: EmailOf("Chris Singer"));
            db.AddHolder(pm, "Sam Carter", new DateOnly(2015, 1, 1), email: EmailOf("Sam Carter"));
            await db.SaveChangesAsync();
        }
        return new ReminderHarness(database, register, smtp ?? await SmtpSink.StartAsync(), settings ?? []);
    }

    public static string EmailOf(string name) => name.ToLowerInvariant().Replace(' ', '.') + "@example.org";

    /// <summary>Ends <paramref name="roleCode"/>'s current holding the day before <paramref name="from"/> and gives it to a new person.</summary>
    public async Task HandOverAsync(string roleCode, string newHolder, DateOnly from, bool temporary = false)
    {
        await using var db = await Database.CreateContextAsync();
        var role = await db.Roles.SingleAsync(r => r.Code == roleCode);
        foreach (var current in await db.RoleHoldings.Where(h => h.RoleId == role.Id && h.To == null).ToListAsync())
            current.To = from.AddDays(-1);
        db.AddHolder(role, newHolder, from, email: EmailOf(newHolder), temporary: temporary);
        await db.SaveChangesAsync();
    }

    /// <summary>Sets the fake clock to a London wall-clock time.</summary>
    public void At(int year, int month, int day, int hour, int minute = 0) =>
        Clock.SetUtcNow(London.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute)));

    public Task<SweepResult> SweepAsync() => Get<ReminderSweep>().RunAsync();

    public async Task<List<ReminderDelivery>> DeliveriesAsync()
    {
        await using var db = await Database.CreateContextAsync();
        return await db.Set<ReminderDelivery>().AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>January 2017 meeting held; February meeting (28th, 10:30) planned.</summary>
    public async Task<(int January, int February)> JanuaryAndFebruaryAsync()
    {
        var jan = await Register.MeetingAsync(new DateOnly(2017, 1, 31));
        var feb = await Register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await using var db = await Database.CreateContextAsync();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == feb);
        meeting.Venue = "PCC Conference Room, Hindlip";
        await db.SaveChangesAsync();
        return (jan, feb);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
