using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace HoldingToAccount.Core.Reminders;

public enum SmtpSecurity { Auto, None, StartTls, SslOnConnect }

/// <summary>Mail settings, bound from <c>Email:</c>. With no SMTP host, messages are written to the pickup folder.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";
    public const string DefaultPickupDirectory = "App_Data/mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Folder the pickup transport writes <c>.eml</c> files to (relative to the working directory).</summary>
    public string? PickupDirectory { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public string PickupPath => Path.GetFullPath(string.IsNullOrWhiteSpace(PickupDirectory) ? DefaultPickupDirectory : PickupDirectory);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(Smtp.From, out _))
            yield return new ValidationResult($"Email:Smtp:From \"{Smtp.From}\" is not an address (e.g. \"Reminders <reminders@example.org>\").", ["Smtp.From"]);
        if (Smtp.Port is < 0 or > 65535)
            yield return new ValidationResult("Email:Smtp:Port must be between 1 and 65535 (0 picks the usual port for Security).", ["Smtp.Port"]);
        if (Smtp.TimeoutSeconds is < 1 or > 600)
            yield return new ValidationResult("Email:Smtp:TimeoutSeconds must be between 1 and 600.", ["Smtp.TimeoutSeconds"]);
        if (!string.IsNullOrEmpty(Smtp.User) && Smtp.Password is null)
            yield return new ValidationResult("Email:Smtp:User is set but Email:Smtp:Password is not.", ["Smtp.Password"]);
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>0 picks 465 for <see cref="SmtpSecurity.SslOnConnect"/>, 587 for <see cref="SmtpSecurity.StartTls"/>, else 25.</summary>
    public int Port { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Holding to account reminders <reminders@localhost>";
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>A connection idle longer than this is checked with NOOP before it is reused.</summary>
    public int IdleCheckSeconds { get; set; } = 10;

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };

    public string Describe => $"{Host}:{EffectivePort} ({Security})";
}
