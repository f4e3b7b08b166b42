using CallCenter.Contracts;
using CallCenter.Data;
using CallCenter.Persistence.Consumption;
using CallCenter.Testing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using System.Text.Json;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL (migrated with the persistence worker's migrations and seeded with a known call log), Redis,
/// Azurite and the API on Kestrel. Tests publish call change notices exactly as the worker does.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public PostgresFixture Postgres { get; } = new();

    public RedisFixture Redis { get; } = new();

    public AzuriteFixture Azurite { get; } = new();

    public FakeAriServer Ari { get; } = new();

    public TestTokens Tokens { get; } = new();

    public ApiFactory Api { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public SeedData Seed { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Task.WhenAll(Postgres.InitializeAsync().AsTask(), Redis.InitializeAsync().AsTask(), Azurite.InitializeAsync().AsTask(), Ari.StartAsync());
        DatabaseConnectionString = await Postgres.CreateDatabaseAsync("api");
        await using (var db = CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        Seed = await SeedData.WriteAsync(CreateDbContext);
        Api = new ApiFactory(Settings());
        Api.Start();
        Http = Api.CreateHttpClient();

        // Tests publish notices at once; Redis keeps none for a hub that has not subscribed yet.
        await ((CallCenter.Api.Live.CallChangeHub)Api.Services.GetService(typeof(CallCenter.Api.Live.CallChangeHub))!).Listening
            .WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Configuration for an API instance over this fixture's servers; <paramref name="overrides"/> win.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:callcenterdb"] = DatabaseConnectionString,
            ["ConnectionStrings:redis"] = Redis.ConnectionString,
            ["ConnectionStrings:blobs"] = Azurite.ConnectionString,
            ["Authentication:Jwt:Issuer"] = TestTokens.Issuer,
            ["Authentication:Jwt:Audience"] = TestTokens.Audience,
            ["Authentication:Jwt:SigningKeys:0"] = Tokens.SigningKey,
            ["Ari:BaseUrl"] = Ari.BaseUrl.AbsoluteUri,
            ["Ari:Username"] = "test",
            ["Ari:Password"] = "test",
            ["GraphQL:EnableIde"] = "true",
            ["GraphQL:ConnectionInitTimeout"] = "00:00:01",
            ["GraphQL:KeepAliveInterval"] = "00:00:00",
            ["GraphQL:MaxRequestBytes"] = "65536",
            ["GraphQL:MaxPageSize"] = "50",
            ["GraphQL:DefaultPageSize"] = "20",
            ["Recordings:LinkSigningKey"] = "0123456789abcdef0123456789abcdef-test",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public CallCenterDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CallCenterDbContext>().UseNpgsql(DatabaseConnectionString).Options);

    /// <summary>What the persistence worker does after a commit.</summary>
    public Task PublishAsync(Call call) => PublishAsync(CommittedCallState.NoticeOf(call, DateTimeOffset.UtcNow));

    public async Task PublishAsync(CallChangeNotice notice)
    {
        await Redis.Connection.GetSubscriber().PublishAsync(
            RedisChannel.Literal(CallChangeNotice.DefaultChannel), JsonSerializer.Serialize(notice, ContractsJsonContext.Default.CallChangeNotice));
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        await Ari.DisposeAsync();
        await Azurite.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
