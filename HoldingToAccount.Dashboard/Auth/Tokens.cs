namespace HoldingToAccount.Dashboard.Auth;

public enum TokenPurpose { Api, Calendar }

/// <summary>A personal token: for the API, or for subscribing to calendar feeds. Only its hash is kept; the token itself is shown once.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public TokenPurpose Purpose { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

/// <summary>A revocable link for the conference-room screen: read access to the board and nothing else.</summary>
public class DisplayToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}
