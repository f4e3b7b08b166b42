using System.Net;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Data;
using CallCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Api.Tests;

/// <summary>The persistence worker migrates; the API serves only a database that has its migrations.</summary>
[Collection(ApiCollection.Name)]
public sealed class MigratedSchemaWaitTests(ApiFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_API_starts_serving_only_once_its_database_is_migrated()
    {
        var database = await fixture.Postgres.CreateDatabaseAsync("unmigrated");
        var logs = new LogCapture(LogLevel.Warning);
        await using var api = new ApiFactory(fixture.Settings(new Dictionary<string, string?> { ["ConnectionStrings:callcenterdb"] = database }), logs: logs);

        var start = Task.Run(api.Start, Cancel);
        await logs.WaitForAsync(e => e.Message.StartsWith("Waiting for the persistence worker", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the API waits for the schema");
        Assert.False(start.IsCompleted, "the API started on a database without its schema");

        // What the worker does at its start.
        await using (var db = new CallCenterDbContext(new DbContextOptionsBuilder<CallCenterDbContext>().UseNpgsql(database).Options))
        {
            await db.Database.MigrateAsync(Cancel);
        }

        await start.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        using var http = api.CreateHttpClient();
        using var response = await http.SendAsync(GraphQLHttp.Post("{ calls(first: 1) { totalCount } }", token: fixture.Tokens.Supervisor()), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(0, body["data"]!["calls"]!["totalCount"]!.GetValue<int>());
    }
}
