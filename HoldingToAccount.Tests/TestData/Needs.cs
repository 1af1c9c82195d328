using Xunit.Abstractions;
using Xunit.Sdk;

namespace HoldingToAccount.Tests.TestData;

/// <summary>What a test needs beyond the test process itself; test.sh picks the tests of a pass by it.</summary>
public enum Need
{
    /// <summary>A database of its own (<see cref="ScratchDatabase"/>): these are the tests the PostgreSQL pass runs.</summary>
    Database,

    /// <summary>Debian's Chromium, driven by Playwright (<see cref="Browser.BrowserFixture"/>).</summary>
    Browser,

    /// <summary>A real SMTP server on loopback (<see cref="Mail.SmtpSink"/>: python3-aiosmtpd).</summary>
    Smtp,

    /// <summary>A real IMAP server on loopback (<see cref="Mail.DovecotServer"/>: dovecot-imapd).</summary>
    Imap,
}

/// <summary>
/// Gives a test class the trait <c>Needs=…</c>, once for each need (<c>dotnet test --filter Needs=Database</c>). It is inherited, so a
/// base class such as the component tests' context marks every test built on it. <c>NeedsTraitTests</c> checks
/// that every test class reaching a database, a browser or an SMTP server carries the mark.
/// </summary>
[TraitDiscoverer("HoldingToAccount.Tests.TestData.NeedsDiscoverer", "HoldingToAccount.Tests")]
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class NeedsAttribute(params Need[] needs) : Attribute, ITraitAttribute
{
    public const string Trait = "Needs";

    public IReadOnlyList<Need> Needs { get; } = needs;
}

public sealed class NeedsDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        traitAttribute.GetNamedArgument<IReadOnlyList<Need>>(nameof(NeedsAttribute.Needs)).Select(need => new KeyValuePair<string, string>(NeedsAttribute.Trait, need.ToString()));
}
