namespace CallCenter.AppHost.Asterisk;

/// <summary>
/// An Asterisk PBX the services talk to over ARI: the bundled one (a local process or a container) or, when
/// publishing, the customer's PBX given as parameters.
/// </summary>
internal interface IAsteriskResource : IResource
{
    /// <summary>ARI's REST root with the trailing slash, e.g. http://127.0.0.1:8088/ari/.</summary>
    ReferenceExpression AriBaseUrl { get; }

    ReferenceExpression AriUsername { get; }

    ReferenceExpression AriPassword { get; }

    /// <summary>Where softphones register, with each agent's password; null for a PBX that is not ours.</summary>
    SipAccess? Sip { get; }
}

/// <summary>
/// The SIP address of the bundled Asterisk, the agents' accounts (extension → password parameter) and the port of the
/// simulated provider its trunk leads to (asterisk/README.md, "The simulated provider").
/// </summary>
internal sealed record SipAccess(string Host, int Port, IReadOnlyDictionary<string, ParameterResource> AgentPasswords, int ProviderPort);
