using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard.Auth;

public sealed record IssuedToken(int Id, string Token, DateTime? ExpiresUtc);

public sealed record DisplayTokenRow(int Id, string Name, DateTime CreatedUtc, DateTime? RevokedUtc);

/// <summary>Issues, checks and revokes personal API tokens and display tokens. Only hashes are stored.</summary>
public sealed class TokenService(IDbContextFactory<AuthDbContext> factory, TimeProvider clock, HoldingToAccount.Core.Changes.ChangeNotifier notifier)
{
    public static readonly TimeSpan ApiTokenLifetime = TimeSpan.FromDays(365);

    public async Task<IssuedToken> CreateApiTokenAsync(string userId, string name, string actor, CancellationToken ct = default) =>
        await CreatePersonalTokenAsync(userId, name, TokenPurpose.Api, "hta_", actor, ct);

    /// <summary>A token for subscribing to calendar feeds (it grants nothing else).</summary>
    public async Task<IssuedToken> CreateCalendarTokenAsync(string userId, string actor, CancellationToken ct = default) =>
        await CreatePersonalTokenAsync(userId, "calendar", TokenPurpose.Calendar, "cal_", actor, ct);

    /// <summary>The user a live calendar token belongs to, or null.</summary>
    public Task<string?> UserForCalendarTokenAsync(string token, CancellationToken ct = default) => UserForTokenAsync(token, TokenPurpose.Calendar, ct);

    /// <summary>The user a live (unrevoked, unexpired) API token belongs to, or null.</summary>
    public Task<string?> UserForApiTokenAsync(string token, CancellationToken ct = default) => UserForTokenAsync(token, TokenPurpose.Api, ct);

    private async Task<IssuedToken> CreatePersonalTokenAsync(string userId, string name, TokenPurpose purpose, string prefix, string actor, CancellationToken ct)
    {
        var token = prefix + NewSecret();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ExplicitActor = actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new ApiToken { UserId = userId, Name = name, Purpose = purpose, TokenHash = Hash(token), CreatedUtc = now, ExpiresUtc = now + ApiTokenLifetime };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(row.Id, token, row.ExpiresUtc);
    }

    private async Task<string?> UserForTokenAsync(string token, TokenPurpose purpose, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ApiTokens.Where(t => t.TokenHash == hash && t.Purpose == purpose && t.RevokedUtc == null && t.ExpiresUtc > now)
            .Select(t => t.UserId).SingleOrDefaultAsync(ct);
    }

    public async Task<IssuedToken> CreateDisplayTokenAsync(string name, string actor, CancellationToken ct = default)
    {
        var token = NewSecret();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ExplicitActor = actor;
        var row = new DisplayToken { Name = name, TokenHash = Hash(token), CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.DisplayTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(row.Id, token, null);
    }

    /// <summary>The display token's name when it is live, or null.</summary>
    public async Task<string?> DisplayNameForTokenAsync(string token, CancellationToken ct = default) =>
        (await DisplayForTokenAsync(token, ct))?.Name;

    /// <summary>The display a live token opens (its id names the display when a meeting is chosen for it), or null.</summary>
    public async Task<DisplayTokenRow?> DisplayForTokenAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.DisplayTokens.Where(t => t.TokenHash == hash && t.RevokedUtc == null)
            .Select(t => new DisplayTokenRow(t.Id, t.Name, t.CreatedUtc, t.RevokedUtc)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The user's live calendar tokens (their ids and dates; the tokens themselves are never stored).</summary>
    public async Task<IReadOnlyList<DisplayTokenRow>> ListCalendarTokensAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ApiTokens.Where(t => t.UserId == userId && t.Purpose == TokenPurpose.Calendar && t.RevokedUtc == null && t.ExpiresUtc > now)
            .OrderBy(t => t.CreatedUtc)
            .Select(t => new DisplayTokenRow(t.Id, t.Name, t.CreatedUtc, t.RevokedUtc)).ToListAsync(ct);
    }

    /// <summary>Revokes one of the user's own calendar tokens; false if it is not theirs or already revoked.</summary>
    public async Task<bool> RevokeCalendarTokenAsync(string userId, int id, string actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ExplicitActor = actor;
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId && t.Purpose == TokenPurpose.Calendar && t.RevokedUtc == null, ct);
        if (row is null)
            return false;
        row.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<DisplayTokenRow>> ListDisplayTokensAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.DisplayTokens.OrderBy(t => t.RevokedUtc != null).ThenBy(t => t.Name)
            .Select(t => new DisplayTokenRow(t.Id, t.Name, t.CreatedUtc, t.RevokedUtc)).ToListAsync(ct);
    }

    public async Task<bool> RevokeDisplayTokenAsync(int id, string actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ExplicitActor = actor;
        var row = await db.DisplayTokens.SingleOrDefaultAsync(t => t.Id == id && t.RevokedUtc == null, ct);
        if (row is null)
            return false;
        row.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        // Screens showing a board re-check their link at once.
        notifier.Publish(new HoldingToAccount.Core.Changes.ChangeNotice(HoldingToAccount.Core.Changes.ChangeKind.Access, id));
        return true;
    }

    public async Task<bool> RevokeApiTokenAsync(int id, string actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ExplicitActor = actor;
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.RevokedUtc == null, ct);
        if (row is null)
            return false;
        row.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
