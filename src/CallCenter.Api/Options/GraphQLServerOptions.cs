namespace CallCenter.Api.Options;

/// <summary>Transport and execution limits for the GraphQL endpoint, bound from the "GraphQL" configuration section.</summary>
public sealed class GraphQLServerOptions
{
    public const string SectionName = "GraphQL";

    public string Path { get; set; } = "/graphql";

    /// <summary>Request bodies (and WebSocket messages) larger than this are refused (413 / close 4400).</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    public int MaxDepth { get; set; } = 12;

    public int MaxComplexity { get; set; } = 5_000;

    public int DefaultPageSize { get; set; } = 50;

    public int MaxPageSize { get; set; } = 200;

    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Serve the GraphQL IDE page; null means "in Development only".</summary>
    public bool? EnableIde { get; set; }

    /// <summary>Include exception details (types, stack traces) in errors; null means "in Development only".</summary>
    public bool? ExposeExceptionDetails { get; set; }

    /// <summary>
    /// A GET request must carry one of these headers: a cross-site HTML form or simple request cannot set them,
    /// so a browser has to preflight it (CSRF guard). POST is guarded by requiring application/json.
    /// </summary>
    public IList<string> CsrfPreflightHeaders { get; set; } = ["GraphQL-Require-Preflight", "X-Requested-With"];

    /// <summary>graphql-transport-ws: how long a client has to send connection_init (then close 4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>graphql-transport-ws: server-initiated ping interval; zero disables.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Outgoing messages queued per WebSocket; a client that falls this far behind is disconnected.</summary>
    public int MaxQueuedMessagesPerConnection { get; set; } = 2_000;

    public int MaxSubscriptionsPerConnection { get; set; } = 100;
}
