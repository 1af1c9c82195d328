using System.Globalization;
using HoldingToAccount.Core.Data;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Backup;

/// <summary>The daily backup, bound from <c>Backup:</c>. Off by default; SQLite only (PostgreSQL is backed up with pg_dump).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";
    public const int MaxKeep = 365;

    public bool Enabled { get; set; }

    /// <summary>Where the dated copies go; empty means a <c>backups</c> folder beside the database file.</summary>
    public string? Folder { get; set; }

    /// <summary>How many dated copies are kept; older ones are deleted after each backup.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>London time of day, 24-hour <c>HH:mm</c>.</summary>
    public string Time { get; set; } = "02:00";

    public TimeOnly TimeOfDay => TryParseTime(Time, out var time) ? time : throw new InvalidOperationException(TimeProblem(Time));

    internal static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    internal static string TimeProblem(string? text) =>
        $"Backup:Time '{text}' is not a time of day: use 24-hour HH:mm on the London clock, such as 02:00 or 23:30.";

    /// <summary>The cron the job server runs the backup by, once a day at <see cref="Time"/> (London).</summary>
    public string Cron => string.Create(CultureInfo.InvariantCulture, $"{TimeOfDay.Minute} {TimeOfDay.Hour} * * *");
}

/// <summary>Stops start-up with every problem in <c>Backup:*</c> named, and what would work instead.</summary>
internal sealed class BackupOptionsValidation(DatabaseSettings database) : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var problems = new List<string>();
        if (!BackupOptions.TryParseTime(options.Time, out _))
            problems.Add(BackupOptions.TimeProblem(options.Time));
        if (options.Keep is < 1 or > BackupOptions.MaxKeep)
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"Backup:Keep {options.Keep} is not a number of copies to keep: use a whole number from 1 to {BackupOptions.MaxKeep} (default 7)."));
        if (options.Enabled && database.IsPostgres)
            problems.Add("Backup:Enabled is for SQLite: on PostgreSQL, back up with pg_dump (see the README's \"Backup and restore\") and set Backup:Enabled to false.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
