using CallCenter.AppHost.Hosting;

// The whole CallCenter stack, declared like an Aspire AppHost: infrastructure first, then the services
// with what they reference (configuration they receive) and wait for (started only once it is healthy).
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var callcenterdb = postgres.AddDatabase("callcenterdb");

var redis = builder.AddRedis("redis");

var blobs = builder.AddAzureStorage("storage")
    .RunAsEmulator()
    .AddBlobs("blobs");

var asterisk = builder.AddAsterisk("asterisk");

// ARI events → Redis stream.
var ingestion = builder.AddProject("ingestion", "src/CallCenter.Ingestion/CallCenter.Ingestion.csproj")
    .WithReference(redis)
    .WithReference(asterisk)
    .WaitFor(redis)
    .WaitFor(asterisk);

// Redis stream → call log in PostgreSQL (it owns the schema), recordings from ARI → blob storage.
var persistence = builder.AddProject("persistence", "src/CallCenter.Persistence/CallCenter.Persistence.csproj")
    .WithReference(redis)
    .WithReference(callcenterdb)
    .WithReference(blobs)
    .WithReference(asterisk)
    .WaitFor(redis)
    .WaitFor(callcenterdb)
    .WaitFor(blobs)
    .WaitFor(asterisk);

// GraphQL: history, live calls (subscriptions), call control through ARI.
builder.AddProject("api", "src/CallCenter.Api/CallCenter.Api.csproj")
    .WithReference(callcenterdb)
    .WithReference(redis)
    .WithReference(blobs)
    .WithReference(asterisk)
    .WithDevelopmentJwt()
    .WithRecordingLinkSigningKey()
    .WithGraphQlEndpoint("/graphql")
    .WaitFor(persistence)
    .WaitFor(ingestion);

return await builder.Build().RunAsync();
