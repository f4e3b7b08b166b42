namespace CallCenter.Testing;

/// <summary>An agent's SIP credentials (the extension is also the digest user name), e.g. from <c>AsteriskServer.AgentPasswords</c>.</summary>
public sealed record SippAgentLogin(string Extension, string Password);
