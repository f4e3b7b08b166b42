using System.Reflection;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Resources;

/// <summary>
/// A .NET service of this repository, started from its built assembly (`dotnet &lt;dll&gt;`) with its
/// configuration in environment variables the Aspire way: ConnectionStrings__*, OTEL_*, ASPNETCORE_URLS.
/// Healthy when its /health endpoint answers 200.
/// </summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    private readonly List<Resource> _references = [];
    private readonly List<Action<IDictionary<string, string>, RunContext>> _environmentCallbacks = [];

    public override string Kind => "Project";

    /// <summary>Path of the .csproj, relative to the checkout (or absolute).</summary>
    public string ProjectPath { get; } = projectPath;

    public IReadOnlyList<Resource> References => _references;

    /// <summary>Path of the GraphQL endpoint when this service serves GraphQL.</summary>
    public string? GraphQlPath { get; internal set; }

    /// <summary>Path of the GraphQL IDE page when this service serves one.</summary>
    public string? GraphQlIdePath { get; internal set; }

    /// <summary>The service validates the development JWT (the ready table prints one).</summary>
    public bool IssuesDevelopmentJwt { get; internal set; }

    public int HttpPort { get; private set; }

    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";

    /// <summary>False when the project is not in this checkout yet; the AppHost then runs without it and says so.</summary>
    public bool IsAvailable { get; private set; } = true;

    internal string FullProjectPath => Path.IsPathRooted(ProjectPath) ? ProjectPath : Path.GetFullPath(Path.Combine(Prerequisites.RepositoryRoot, ProjectPath));

    internal void AddReference(Resource resource)
    {
        if (!_references.Contains(resource))
        {
            _references.Add(resource);
        }
    }

    internal void AddEnvironment(Action<IDictionary<string, string>, RunContext> callback) => _environmentCallbacks.Add(callback);

    internal override void Bind(RunContext context)
    {
        HttpPort = context.Ports.Get(Name, 0);
        if (!File.Exists(FullProjectPath))
        {
            IsAvailable = false;
            return;
        }

        Server = new ProjectServer(this, context, context.Output.Log);
    }

    /// <summary>Every variable the service gets (besides the AppHost's own environment, which it inherits).</summary>
    internal Dictionary<string, string> BuildEnvironment(RunContext context)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = HttpUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            // One line per log entry, so that the multiplexed console stays readable.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ",
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={context.Secrets.InstallationId}-{Name},deployment.environment=development",
            // Short export intervals, as Aspire uses for development: telemetry shows up within a second.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_TRACES_SAMPLER"] = "always_on",
        };
        foreach (var variable in new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                environment[variable] = value;
            }
        }

        foreach (var reference in _references)
        {
            if (reference is IResourceWithConnectionString withConnectionString)
            {
                environment[$"ConnectionStrings__{withConnectionString.Name}"] = withConnectionString.ConnectionString;
            }

            if (reference is IResourceWithEnvironment withEnvironment)
            {
                withEnvironment.ApplyReferenceEnvironment(environment);
            }

            if (reference is ProjectResource project)
            {
                // Service discovery, as Aspire names it: http://<name> resolves to this.
                environment[$"services__{project.Name}__http__0"] = project.HttpUrl;
            }
        }

        foreach (var callback in _environmentCallbacks)
        {
            callback(environment, context);
        }

        return environment;
    }

    internal override IEnumerable<ResourceEndpoint> DescribeEndpoints() => [new("http", HttpUrl, $"health {HttpUrl}/health")];

    /// <summary>The service's assembly from the AppHost's own build (see the csproj), else the conventional output path.</summary>
    internal string FindAssembly()
    {
        var metadata = typeof(ProjectResource).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == $"ServiceTargetPath:{FullProjectPath}");
        if (metadata?.Value is { } recorded && File.Exists(recorded))
        {
            return recorded;
        }

        var configuration = typeof(ProjectResource).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var projectName = Path.GetFileNameWithoutExtension(FullProjectPath);
        return Path.Combine(Path.GetDirectoryName(FullProjectPath)!, "bin", configuration, "net10.0", projectName + ".dll");
    }

    internal static string BuildConfiguration =>
        typeof(ProjectResource).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}

/// <summary>Runs a <see cref="ProjectResource"/> as `dotnet &lt;assembly&gt;`.</summary>
internal sealed class ProjectServer(ProjectResource project, RunContext context, Action<string, string> output)
    : LocalServer(project.Name, context.DataFolder.ResourceDirectory(project.Name), output)
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };
    private string? _assembly;

    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _assembly = project.FindAssembly();
        if (!File.Exists(_assembly))
        {
            // The service landed after this AppHost was built: build it once.
            Output(Name, $"building {project.ProjectPath} ({ProjectResource.BuildConfiguration})");
            await CommandRunner.RunAsync(
                "dotnet",
                ["build", project.FullProjectPath, "-c", ProjectResource.BuildConfiguration, "-nologo", "-clp:ErrorsOnly"],
                cancellationToken).ConfigureAwait(false);
            _assembly = project.FindAssembly();
        }
    }

    protected override LocalProcessSpec CreateSpec() => new(Name, "dotnet", [_assembly!])
    {
        WorkingDirectory = Path.GetDirectoryName(_assembly!),
        Environment = project.BuildEnvironment(context),
        // Generic host's default shutdown timeout is 30 s; in-flight work (a stream batch) finishes well before.
        StopTimeout = TimeSpan.FromSeconds(20),
    };

    protected override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await Probe.GetAsync(new Uri($"{project.HttpUrl}/health"), cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    protected override string Describe() => project.HttpUrl;
}
