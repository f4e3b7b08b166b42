using CallCenter.LocalServers;

namespace CallCenter.AppHost.Asterisk;

internal static class AsteriskReferenceExtensions
{
    /// <summary>The "Ari" configuration section the services read: Ari__BaseUrl, Ari__Username, Ari__Password, Ari__Application.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IAsteriskResource> asterisk)
        where T : IResourceWithEnvironment => builder
            .WithEnvironment("Ari__BaseUrl", asterisk.Resource.AriBaseUrl)
            .WithEnvironment("Ari__Username", asterisk.Resource.AriUsername)
            .WithEnvironment("Ari__Password", asterisk.Resource.AriPassword)
            .WithEnvironment("Ari__Application", AsteriskServer.AriApplication)
            .WithReferenceRelationship(asterisk.Resource);

    /// <summary>One secret parameter per agent extension (1001-1010): the SIP passwords softphones register with.</summary>
    public static IReadOnlyDictionary<string, ParameterResource> AddAgentPasswords(this Setup.Installation installation) =>
        AsteriskSecrets.AgentExtensions.ToDictionary(extension => extension, extension => installation.AddLocalSecret($"agent-{extension}-sip-password").Resource);
}
