namespace CallCenter.AppHost.Asterisk;

/// <summary>
/// The customer's PBX, when publishing: Asterisk is not deployed (Container Apps has no UDP ingress for SIP, and call
/// centers run their own PBX), so its ARI address and credentials are deployment parameters.
/// </summary>
internal sealed class ExternalAsteriskResource(string name, ParameterResource baseUrl, ParameterResource username, ParameterResource password)
    : Resource(name), IAsteriskResource
{
    public ReferenceExpression AriBaseUrl => ReferenceExpression.Create($"{baseUrl}");

    public ReferenceExpression AriUsername => ReferenceExpression.Create($"{username}");

    public ReferenceExpression AriPassword => ReferenceExpression.Create($"{password}");

    public SipAccess? Sip => null;
}
