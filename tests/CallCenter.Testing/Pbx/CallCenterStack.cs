using System.Net;
using CallCenter.LocalServers;
using Npgsql;

namespace CallCenter.Testing.Pbx;

/// <summary>
/// The bundled product on one machine, every part its own process as the AppHost runs it in local mode: Asterisk 22
/// with the shipped configuration, PostgreSQL, Redis, Azurite, and the persistence worker, the GraphQL API and the
/// ingestion service from their build output. The ingestion service (the ARI application) can be stopped and started
/// on its own, so the same PBX can be measured with and without CallCenter capturing its calls.
/// </summary>
public sealed class CallCenterStack : IAsyncDisposable
{
    public const string DatabaseName = "callcenter";
    private readonly Action<string, string> _output;
    private readonly List<IAsyncDisposable> _servers = [];
    private ServiceProcess? _worker;
    private ServiceProcess? _api;

    private CallCenterStack(Action<string, string> output, bool durable)
    {
        _output = output;
        Asterisk = new AsteriskServer(
            $"pbx-{Environment.ProcessId}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true)}",
            new AsteriskInstanceSettings(PortAllocator.GetFreePort(), PortAllocator.GetFreePort(alsoUdp: true), AsteriskSecrets.Generate()),
            output);
        Postgres = new PostgresServer(TestRun.NewDirectory("pbx-postgres"), PortAllocator.GetFreePort(), TestRun.NewSecret(), output, durable);
        Redis = new RedisServer(TestRun.NewDirectory("pbx-redis"), PortAllocator.GetFreePort(), output);
        Azurite = new AzuriteServer(TestRun.NewDirectory("pbx-azurite"), PortAllocator.GetFreePort(), AzuriteServer.GenerateAccountKey(), output);
    }

    public AsteriskServer Asterisk { get; }

    public PostgresServer Postgres { get; }

    public RedisServer Redis { get; }

    public AzuriteServer Azurite { get; }

    public StackToken Token { get; } = new();

    public string Database => Postgres.ConnectionString(DatabaseName);

    public ServiceProcess Worker => _worker ?? throw new InvalidOperationException("The stack is not started.");

    public ServiceProcess Api => _api ?? throw new InvalidOperationException("The stack is not started.");

    /// <summary>The ingestion service while it runs (the ARI application is connected); null while it is stopped.</summary>
    public ServiceProcess? Ingestion { get; private set; }

    public Uri GraphQLUrl => new(Api.BaseUrl, "graphql");

    /// <summary>
    /// Starts the servers, then the worker (which migrates the database) and the API, and, unless
    /// <paramref name="withIngestion"/> is false, the ingestion service. <paramref name="durable"/>: PostgreSQL with fsync
    /// on, as in production (benchmarks), or off (tests).
    /// </summary>
    public static async Task<CallCenterStack> StartAsync(Action<string, string> output, bool durable, bool withIngestion = true, CancellationToken cancellationToken = default)
    {
        var stack = new CallCenterStack(output, durable);
        try
        {
            await stack.StartServicesAsync(withIngestion, cancellationToken).ConfigureAwait(false);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An HttpClient for ARI's REST API: base address /ari/ and the generated credentials.</summary>
    public HttpClient CreateAriClient()
    {
        var client = new HttpClient { BaseAddress = Asterisk.AriBaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = Asterisk.AriAuthorization;
        return client;
    }

    /// <summary>Starts the ingestion service and waits until ARI lists its application, i.e. its WebSocket is connected.</summary>
    public async Task StartIngestionAsync(CancellationToken cancellationToken = default)
    {
        if (Ingestion is not null)
        {
            return;
        }

        Ingestion = await ServiceProcess.StartAsync("ingestion", "CallCenter.Ingestion", new Dictionary<string, string>(AriSettings)
        {
            ["ConnectionStrings__redis"] = Redis.ConnectionString,
        }, _output, cancellationToken).ConfigureAwait(false);
        using var ari = CreateAriClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await ari.GetAsync($"applications/{AsteriskServer.AriApplication}", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline || Ingestion.HasExited)
            {
                throw new TimeoutException($"The ingestion service did not connect to ARI within 60 s:\n{Ingestion.Tail()}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the ingestion service: from then on no ARI application is connected and the dialplan routes calls without it.</summary>
    public async Task StopIngestionAsync()
    {
        if (Ingestion is { } ingestion)
        {
            Ingestion = null;
            await ingestion.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Every process of the stack by the name the benchmarks report it under (PostgreSQL: the postmaster, whose children are its backends).</summary>
    public IReadOnlyDictionary<string, int> ProcessIds()
    {
        var ids = new Dictionary<string, int>
        {
            ["Asterisk"] = Asterisk.Process!.Id,
            ["PostgreSQL"] = Postgres.Process!.Id,
            ["Redis"] = Redis.Process!.Id,
            ["Azurite"] = Azurite.Process!.Id,
            ["worker"] = Worker.Id,
            ["API"] = Api.Id,
        };
        if (Ingestion is { } ingestion)
        {
            ids["ingestion"] = ingestion.Id;
        }

        return ids;
    }

    private Dictionary<string, string> AriSettings => new()
    {
        ["Ari__BaseUrl"] = Asterisk.AriBaseUrl.AbsoluteUri,
        ["Ari__Username"] = Asterisk.AriUsername,
        ["Ari__Password"] = Asterisk.AriPassword,
        ["Ari__Application"] = AsteriskServer.AriApplication,
    };

    private async Task StartServicesAsync(bool withIngestion, CancellationToken cancellationToken)
    {
        _servers.AddRange([Asterisk, Postgres, Redis, Azurite]);
        await Task.WhenAll(
            Asterisk.StartAsync(cancellationToken), Postgres.StartAsync(cancellationToken), Redis.StartAsync(cancellationToken), Azurite.StartAsync(cancellationToken)).ConfigureAwait(false);
        await using (var admin = new NpgsqlConnection(Postgres.ConnectionString()))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var data = new Dictionary<string, string>(AriSettings)
        {
            ["ConnectionStrings__callcenterdb"] = Database,
            ["ConnectionStrings__redis"] = Redis.ConnectionString,
            ["ConnectionStrings__blobs"] = Azurite.ConnectionString,
        };
        _worker = await ServiceProcess.StartAsync("persistence", "CallCenter.Persistence", data, _output, cancellationToken).ConfigureAwait(false);
        _api = await ServiceProcess.StartAsync("api", "CallCenter.Api", new Dictionary<string, string>(data.Concat(Token.ApiSettings))
        {
            ["Recordings__LinkSigningKey"] = TestRun.NewSecret(),
        }, _output, cancellationToken).ConfigureAwait(false);
        if (withIngestion)
        {
            await StartIngestionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopIngestionAsync().ConfigureAwait(false);
        foreach (var service in new[] { _api, _worker })
        {
            if (service is not null)
            {
                await service.DisposeAsync().ConfigureAwait(false);
            }
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
