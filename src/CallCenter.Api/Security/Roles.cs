namespace CallCenter.Api.Security;

/// <summary>The API's roles, carried in the token's "role" claim.</summary>
public static class Roles
{
    /// <summary>Sees and controls their own calls.</summary>
    public const string Agent = "agent";

    /// <summary>Sees all calls, controls any call, reads statistics.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Manages agents, contacts and settings (and may do what a supervisor does).</summary>
    public const string Admin = "admin";
}
