// Times reminder planning over a large register, composing digests, and a run of digest deliveries (claimed, composed,
// sent, recorded) to a local SMTP server (aiosmtpd) next to a plain client's send of as many messages:
//   dotnet run -c Release -- [openActions=50000] [owners=500] [digests=500]
// Needs Debian's python3-aiosmtpd (/usr/bin/python3 -m aiosmtpd).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

var openActions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var owners = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var digests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
var path = Path.Combine(Path.GetTempPath(), $"hta-bench-{Guid.NewGuid():N}.db");
// BENCH_POSTGRES names an empty PostgreSQL database to run on instead of a new SQLite file.
var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
var maildir = Path.Combine(Path.GetTempPath(), $"hta-bench-mail-{Guid.NewGuid():N}");
var port = FreePort();
using var smtp = StartSmtp(port, maildir);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Default"] = postgres ?? $"Data Source={path}",
    ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
    ["Email:Smtp:Security"] = "None",
    ["Email:Smtp:From"] = "Reminders <reminders@example.org>",
}).Build();
var services = new ServiceCollection().AddLogging().AddCore(configuration).BuildServiceProvider();
static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
try
{
    var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    // BENCH_DATA names a folder that keeps the seeded SQLite file (by size and schema) for the next run.
    var keep = Environment.GetEnvironmentVariable("BENCH_DATA");
    string? kept = null;
    await using (var db = await factory.CreateDbContextAsync())
    {
        if (postgres is null && keep is not null)
        {
            kept = Path.Combine(keep, F($"reminders-{openActions}-{owners}-{db.Database.GetMigrations().Last()}.db"));
            if (File.Exists(kept))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Copy(kept, path, overwrite: true);
            }
        }
    }
    await using (var db = await factory.CreateDbContextAsync())
        await Database.MigrateAsync(db);

    if (kept is null || !File.Exists(kept))
    {
        var seeding = Stopwatch.StartNew();
        var seeded = await services.GetRequiredService<SyntheticData>().SeedAsync(600, openActions, randomSeed: 1);
        await using (var db = await factory.CreateDbContextAsync())
        {
            // 500 owner roles, each held by one person, and every action reopened and owned by one or two of them.
            var roles = Enumerable.Range(1, owners).Select(i => new Role { Code = $"O{i:000}", Title = $"Portfolio owner {i}" }).ToList();
            db.RoleHoldings.AddRange(roles.Select((r, i) => new RoleHolding
            {
                Role = r, From = new DateOnly(2000, 1, 1),
                Person = new Person { Name = $"Owner {i + 1:000}", Email = $"owner{i + 1:000}@example.org" },
            }));
            await db.SaveChangesAsync();
            var first = roles[0].Id;
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ActionOwners\"");
            await db.Database.ExecuteSqlRawAsync(F($"INSERT INTO \"ActionOwners\" (\"ActionItemId\", \"OwnersId\") SELECT \"Id\", {first} + (\"Id\" % {owners}) FROM \"ActionItems\""));
            await db.Database.ExecuteSqlRawAsync(F($"INSERT INTO \"ActionOwners\" (\"ActionItemId\", \"OwnersId\") SELECT \"Id\", {first} + ((\"Id\" * 7 + 3) % {owners}) FROM \"ActionItems\" WHERE \"Id\" % 10 = 0 AND (\"Id\" * 7 + 3) % {owners} <> \"Id\" % {owners}"));
            await db.Actions.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, HoldingToAccount.Core.Actions.ActionStatus.Open)
                .SetProperty(a => a.ClosedOn, (DateOnly?)null).SetProperty(a => a.ClosedAtMeetingId, (int?)null));
        }
        Console.WriteLine(F($"{seeded.Message.TrimEnd('.')}; {owners} owner roles; all {openActions:N0} actions open ({seeding.Elapsed.TotalSeconds:F1} s)"));
        if (kept is not null)
        {
            await using (var db = await factory.CreateDbContextAsync())
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            Directory.CreateDirectory(keep!);
            File.Copy(path, kept);
        }
    }
    else
    {
        Console.WriteLine($"seeded register from {kept}");
    }

    // The morning 3 days before the next planned monthly meeting: digests for it (and any other meeting 3 or 10 days on).
    DateOnly next;
    await using (var db = await factory.CreateDbContextAsync())
        next = await db.Meetings.Where(m => m.Status == MeetingStatus.Planned).OrderBy(m => m.Date).Select(m => m.Date).FirstAsync();
    var asOf = London.ToInstant(next.AddDays(-3), new TimeOnly(8, 0));
    var planner = services.GetRequiredService<ReminderPlanner>();
    await planner.PlanAsync(asOf, dryRun: true); // warm-up: EF model, query compilation
    var runs = new List<double>();
    ReminderPlan plan = null!;
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        plan = await planner.PlanAsync(asOf, dryRun: true);
        runs.Add(watch.Elapsed.TotalSeconds);
    }
    runs.Sort();
    Console.WriteLine(F($"planning (dry run) as of {asOf:u}: {plan.Due.Count} reminders due; median {runs[2]:F2} s, min {runs[0]:F2} s, max {runs[4]:F2} s over 5 runs"));
    var write = Stopwatch.StartNew();
    var written = await planner.PlanAsync(asOf);
    Console.WriteLine(F($"planning + recording {written.CreatedIds.Count} delivery rows: {write.Elapsed.TotalSeconds:F2} s"));
    var again = Stopwatch.StartNew();
    var replanned = await planner.PlanAsync(asOf);
    Console.WriteLine(F($"the next sweep (same reminders, rows already there, {replanned.CreatedIds.Count} new): {again.Elapsed.TotalSeconds:F2} s"));

    // Composing: the first N digest rows written out by ReminderComposer in one DigestBatch (each meeting and its
    // outstanding actions read once), with nothing sent or recorded.
    List<ReminderDelivery> rows;
    await using (var db = await factory.CreateDbContextAsync())
        rows = await db.Set<ReminderDelivery>().AsNoTracking().Where(d => d.Kind == ReminderKind.MeetingDigest).OrderBy(d => d.Id).Take(digests).ToListAsync();
    var composer = services.GetRequiredService<ReminderComposer>();
    var messages = new List<MimeMessage>(rows.Count);
    var batch = new DigestBatch();
    var composing = Stopwatch.StartNew();
    foreach (var row in rows)
    {
        if (await composer.ComposeAsync(row, batch) is { } composed)
            messages.Add(composer.ToMessage(row, composed));
    }
    composing.Stop();
    var bytes = messages.Sum(m => { using var s = new MemoryStream(); m.WriteTo(s); return s.Length; });
    var composeRate = messages.Count / composing.Elapsed.TotalSeconds;
    Console.WriteLine(F($"composing {messages.Count} digests: {composing.Elapsed.TotalSeconds:F2} s ({composeRate:F0}/s), average {bytes / Math.Max(1, messages.Count) / 1024.0:F1} KiB"));

    // Compose + send: the same rows as one run of the product's sender (ReminderSender.SendRunAsync, as the sweep's
    // delivery job sends them): each row claimed, written out from a fresh DigestBatch, sent over the one connection
    // while the next is made ready, and its outcome recorded. The run and the reference client take turns (twice
    // each) against the same aiosmtpd, the rows put back to Planned between turns; the best turn of each is reported,
    // so a burst of load on the shared machine does not decide the ratio.
    var sender = services.GetRequiredService<ReminderSender>();
    var connections = services.GetRequiredService<SmtpEmailSender>();
    var ids = rows.Select(r => r.Id).ToList();
    var average = (int)(bytes / Math.Max(1, messages.Count));
    var plain = Enumerable.Range(0, ids.Count).Select(i => PlainMessage(i, average)).ToList();
    var runTimes = new List<double>();
    var referenceTimes = new List<double>();
    for (var round = 0; round < 2; round++)
    {
        referenceTimes.Add(await ReferenceSendAsync(port, plain));
        await PlannedAgainAsync(factory, ids);
        var running = Stopwatch.StartNew();
        await foreach (var outcome in sender.SendRunAsync(ids, new DigestBatch()))
        {
            if (outcome != SendOutcome.Sent)
                throw new InvalidOperationException($"a digest was not sent: {outcome}");
        }
        runTimes.Add(running.Elapsed.TotalSeconds);
    }
    var expected = 2 * (ids.Count + plain.Count);
    var delivered = 0;
    for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(50))
        if ((delivered = Directory.Exists(Path.Combine(maildir, "new")) ? Directory.GetFiles(Path.Combine(maildir, "new")).Length : 0) >= expected)
            break;
    var run = runTimes.Min();
    var reference = referenceTimes.Min();
    var runRate = ids.Count / run;
    var referenceRate = plain.Count / reference;
    Console.WriteLine(F($"compose + send {ids.Count} digests as one run (claimed, sent over {connections.ConnectionsOpened} connection(s), recorded): best {run:F2} s = {runRate:F0} emails/s (turns {string.Join(", ", runTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s)"));
    Console.WriteLine(F($"reference: plain MailKit SmtpClient, one connection, {plain.Count} pre-built {average / 1024.0:F1} KiB messages: best {reference:F2} s = {referenceRate:F0} emails/s (turns {string.Join(", ", referenceTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s); {delivered} of {expected} in the Maildir"));
    Console.WriteLine(F($"run rate / reference ingest rate = {runRate / referenceRate:F2}; compose + send {ids.Count}: {run:F2} s (goal <= 5 s); compose rate {composeRate:F0}/s (goal >= 300/s)"));
}
finally
{
    await services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
        File.Delete(path + suffix);
    if (!smtp.HasExited)
        smtp.Kill();
    try { Directory.Delete(maildir, recursive: true); } catch (IOException) { }
}

// Puts the run's rows back as the planner left them, so the next turn sends them again.
static async Task PlannedAgainAsync(IDbContextFactory<AppDbContext> factory, List<int> ids)
{
    await using var db = await factory.CreateDbContextAsync();
    await db.Set<ReminderDelivery>().Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s
        .SetProperty(d => d.Status, ReminderStatus.Planned).SetProperty(d => d.SentAtUtc, (DateTime?)null)
        .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null).SetProperty(d => d.Attempts, 0).SetProperty(d => d.LastAttemptUtc, (DateTime?)null)
        .SetProperty(d => d.Reason, (string?)null).SetProperty(d => d.Subject, (string?)null).SetProperty(d => d.MessageId, (string?)null)
        .SetProperty(d => d.ReplyToken, (string?)null));
}

// The reference: the server's own ingest rate, as the simplest client sees it. Its socket has Nagle off, as the
// product's has: otherwise each message waits for the server's delayed ACK and the reference measures that instead.
static async Task<double> ReferenceSendAsync(int port, IReadOnlyList<MimeMessage> messages)
{
    var watch = Stopwatch.StartNew();
    using var client = new MailKit.Net.Smtp.SmtpClient();
    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync(IPAddress.Loopback, port);
    await client.ConnectAsync(socket, "127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
    foreach (var message in messages)
        await client.SendAsync(message);
    await client.DisconnectAsync(quit: true);
    return watch.Elapsed.TotalSeconds;
}

// A small message of the digests' average size: one plain-text part of filler lines.
static MimeMessage PlainMessage(int i, int size)
{
    var message = new MimeMessage();
    message.From.Add(new MailboxAddress("Reference", "reference@example.org"));
    message.To.Add(new MailboxAddress($"Owner {i}", $"owner{i}@example.org"));
    message.Subject = $"Reference message {i}";
    var line = new string('x', 76) + "\r\n";
    message.Body = new TextPart("plain") { Text = string.Concat(Enumerable.Repeat(line, Math.Max(1, size / line.Length))) };
    return message;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static Process StartSmtp(int port, string maildir)
{
    var start = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var arg in (string[])["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        start.ArgumentList.Add(arg);
    var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
    process.BeginErrorReadLine();
    process.BeginOutputReadLine();
    for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(10); Thread.Sleep(50))
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return process;
        }
        catch (SocketException)
        {
        }
    }
    throw new InvalidOperationException("aiosmtpd did not start listening");
}
