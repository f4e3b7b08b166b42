using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.LocalServers;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests;

/// <summary>The published SDL stays in sync with the code, and errors carry no exception details outside Development.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaTests(ApiFixture fixture)
{
    [Fact]
    public void Checked_in_sdl_matches_the_schema()
    {
        var schema = fixture.Api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").Trim() + "\n";
        var path = Path.Combine(Prerequisites.RepositoryRoot, "src", "CallCenter.Api", "schema.graphql");
        if (Environment.GetEnvironmentVariable("CALLCENTER_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        Assert.Equal(printed, File.ReadAllText(path));
    }

    [Fact]
    public void Unhandled_exceptions_are_serialized_without_details_in_production()
    {
        var serializer = fixture.Api.Services.GetRequiredService<IGraphQLTextSerializer>();
        var result = new ExecutionResult { Executed = true };
        Exception thrown;
        try
        {
            throw new InvalidOperationException("connection string Host=secret-db;Password=hunter2");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        result.AddError(new GraphQL.Execution.UnhandledError("Error trying to resolve field 'calls'.", thrown));
        var json = JsonNode.Parse(serializer.Serialize(result))!;
        var text = json.ToJsonString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Null(json["errors"]![0]!["extensions"]?["details"]);
    }
}
