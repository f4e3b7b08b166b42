using CallCenter.AppHost.Asterisk;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Containers;

/// <summary>
/// The bundled Asterisk as a container built from asterisk/Containerfile. Its configuration is the one the local mode
/// writes (the repository's asterisk/ files plus the generated includes), mounted at the path its asterisk.conf names.
/// </summary>
internal sealed class AsteriskContainerResource(string name, ParameterResource ariPassword, SipAccess sip)
    : ContainerResource(name), IAsteriskResource
{
    public const int AriPort = 8088;

    public ReferenceExpression AriBaseUrl => ReferenceExpression.Create($"{this.GetEndpoint("ari").Property(EndpointProperty.Url)}/ari/");

    public ReferenceExpression AriUsername => ReferenceExpression.Create($"{AsteriskServer.AriUser}");

    public ReferenceExpression AriPassword => ReferenceExpression.Create($"{ariPassword}");

    public SipAccess? Sip { get; } = sip;
}
