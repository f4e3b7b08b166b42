using CallCenter.AppHost.Asterisk;
using CallCenter.AppHost.Demo;
using CallCenter.AppHost.Ready;
using CallCenter.AppHost.Setup;
using CallCenter.AppHost.Stopping;

var options = AppHostOptions.Parse(args);
var builder = DistributedApplication.CreateBuilder([.. options.AspireArguments]);

// This checkout's installation: .callcenter/ keeps the generated secrets and the servers' data between runs.
var installation = Installation.Open(builder, options);

// Secrets: parameters generated on the first run and kept in .callcenter/secrets.json, never in the repository.
var postgresPassword = installation.AddSecret("postgres-password");
var redisPassword = installation.AddSecret("redis-password");
var storageKey = installation.AddLocalSecret("storage-key", DataFolder.NewStorageKey);
var ariPassword = installation.AddSecret("ari-password");
var agentPasswords = installation.AddAgentPasswords();
var jwtSigningKey = installation.AddSecret("jwt-signing-key", DataFolder.NewKey);
var recordingLinkKey = installation.AddSecret("recording-link-key", DataFolder.NewKey);

// Containers when Docker or Podman has the images, else local processes; one line says which.
var infrastructure = InfrastructureChooser.Choose(builder, installation);

// PostgreSQL with the call log database.
var callcenterdb = infrastructure.AddPostgres("postgres", "callcenterdb", postgresPassword);

// Redis: the ARI event stream and the live-update channel.
var redis = infrastructure.AddRedis("redis", redisPassword);

// Blob storage for recordings: Azurite locally, Azure Storage when deployed.
var blobs = infrastructure.AddBlobStorage("storage", "blobs", storageKey);

// Asterisk: the bundled PBX locally; when deployed, the customer's PBX given as ARI parameters.
var asterisk = infrastructure.AddAsterisk("asterisk", ariPassword, agentPasswords);

// ARI events → Redis stream.
var ingestion = builder.AddProject<Projects.CallCenter_Ingestion>("ingestion", launchProfileName: null)
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(redis).WaitFor(redis)
    .WithReference(asterisk).WaitFor(asterisk);

// Redis stream → call log in PostgreSQL (it owns the schema), recordings from ARI → blob storage.
var persistence = builder.AddProject<Projects.CallCenter_Persistence>("persistence", launchProfileName: null)
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(redis).WaitFor(redis)
    .WithReference(callcenterdb).WaitFor(callcenterdb)
    .WithReference(blobs).WaitFor(blobs)
    .WithReference(asterisk).WaitFor(asterisk);

// GraphQL API: call history, live calls (subscriptions), call control through ARI.
var api = builder.AddProject<Projects.CallCenter_Api>("api", launchProfileName: null)
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => { url.Url += "/graphql"; url.DisplayText = "GraphQL endpoint and IDE"; })
    .WithConsoleUrl(jwtSigningKey)
    .WithReference(callcenterdb)
    .WithReference(redis)
    .WithReference(blobs)
    .WithReference(asterisk)
    .WithDevelopmentJwt(jwtSigningKey)
    .WithEnvironment("Recordings__LinkSigningKey", recordingLinkKey)
    .WaitFor(persistence)
    .WaitFor(ingestion);

// Demo calls (sipp), started from the dashboard or at once with --demo.
builder.AddDemoCalls(installation, asterisk);

// .callcenter/endpoints.json and a short summary once everything is healthy: scripts and frontends read it.
builder.AddEndpointsFile(
    installation,
    new GraphQLEntry(api, "/graphql", jwtSigningKey),
    new ConsoleEntry(api, jwtSigningKey),
    new AsteriskEntry(asterisk),
    new ConnectionStringsEntry(callcenterdb, redis, blobs));

// Ctrl+C or SIGTERM: each service gets SIGTERM itself, not only its `dotnet run` wrapper.
builder.ForwardStopToServices();

builder.Build().Run();
