using System.Text.Json.Serialization;

namespace CallCenter.AppHost.Hosting.Output;

/// <summary>`.callcenter/endpoints.json`: what the ready table shows, for tools and tests. Written when every resource is healthy, removed at stop.</summary>
internal sealed record EndpointsDocument
{
    public required int AppHostPid { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string Mode { get; init; }

    public required string DataFolder { get; init; }

    public required IReadOnlyList<ResourceDocument> Resources { get; init; }

    public GraphQlDocument? GraphQl { get; init; }

    public AriDocument? Ari { get; init; }

    public SipDocument? Sip { get; init; }

    public required IReadOnlyDictionary<string, string> ConnectionStrings { get; init; }

    public JwtDocument? Jwt { get; init; }
}

internal sealed record ResourceDocument(string Name, string Kind, string State, int? Pid, IReadOnlyList<EndpointEntry> Endpoints);

internal sealed record EndpointEntry(string Name, string Address, string? Detail);

internal sealed record GraphQlDocument(string Http, string WebSocket, string Ide);

internal sealed record AriDocument(string BaseUrl, string EventsUrl, string Username, string Password, string Application);

internal sealed record SipDocument(string Host, int Port, string Transport, string Domain, IReadOnlyList<SipAccount> Agents, IReadOnlyDictionary<string, string> TestNumbers);

internal sealed record SipAccount(string Username, string Password);

internal sealed record JwtDocument(string Token, string Issuer, string Audience, string Role, DateTimeOffset Expires);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EndpointsDocument))]
internal sealed partial class EndpointsJsonContext : JsonSerializerContext;
