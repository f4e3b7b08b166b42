using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.Contracts;
using CallCenter.LocalServers;
using CallCenter.Persistence;
using CallCenter.Testing;

namespace CallCenter.Deployment.Tests.Bicep;

/// <summary>infra/main.bicep, compiled and linted by the Bicep CLI from NuGet, and what the compiled template gives the services.</summary>
public sealed class BicepTests
{
    // Template expressions quote with ', which the default encoder would write as \u0027.
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Main_bicep_builds_and_lints_with_no_warning()
    {
        var outFile = Path.Combine(TestRun.NewDirectory("bicep"), "main.json");

        var built = await BicepCli.RunAsync("build", BicepCli.MainTemplate, "--outfile", outFile);
        var linted = await BicepCli.RunAsync("lint", BicepCli.MainTemplate);

        Assert.True(File.Exists(outFile), "bicep build wrote no template");
        Assert.Equal("", built);
        Assert.Equal("", linted);
    }

    [Fact]
    public async Task The_worker_scales_on_the_stream_and_consumer_group_the_services_use()
    {
        var template = await CompileAsync();
        var persistence = ContainerApp(template, "persistence");

        var rule = persistence["properties"]!["template"]!["scale"]!["rules"]!.AsArray().Single(r => r!["custom"] is not null)!;
        var metadata = rule["custom"]!["metadata"]!;

        Assert.Equal("redis-streams", (string?)rule["custom"]!["type"]);
        Assert.Equal(AriStreamEntry.DefaultStreamName, Resolve(template, metadata["stream"]));
        Assert.Equal(new PersistenceOptions().ConsumerGroup, Resolve(template, metadata["consumerGroup"]));
        // The worker's shipped configuration names the same group (appsettings.json overrides the class default).
        var appSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(Prerequisites.RepositoryRoot, "src", "CallCenter.Persistence", "appsettings.json")))!;
        Assert.Equal(new PersistenceOptions().ConsumerGroup, (string?)appSettings["Persistence"]!["ConsumerGroup"]);
        Assert.Equal(AriStreamEntry.DefaultStreamName, (string?)appSettings["Persistence"]!["StreamName"]);
    }

    [Theory]
    [InlineData("ingestion", new[] { "ConnectionStrings__redis", "Ari__BaseUrl", "Ari__Username", "Ari__Password", "Ingestion__StreamName" })]
    [InlineData("persistence", new[] { "ConnectionStrings__redis", "ConnectionStrings__callcenterdb", "ConnectionStrings__blobs", "AZURE_CLIENT_ID", "Ari__BaseUrl", "Ari__Password", "Persistence__StreamName", "Persistence__ConsumerGroup" })]
    [InlineData("api", new[] { "ConnectionStrings__redis", "ConnectionStrings__callcenterdb", "ConnectionStrings__blobs", "AZURE_CLIENT_ID", "Ari__BaseUrl", "Ari__Password", "Authentication__Jwt__Authority", "Authentication__Jwt__Issuer", "Authentication__Jwt__Audience", "Recordings__LinkSigningKey" })]
    public async Task Each_service_gets_every_setting_it_reads_with_passwords_as_secrets(string service, string[] settings)
    {
        var template = await CompileAsync();
        var app = ContainerApp(template, service).ToJsonString(Unescaped);

        // Literal JSON ("name") or inside a template expression ('name'), as Bicep compiles variables that use resources.
        var missing = settings.Where(name => !app.Contains($"\"{name}\"", StringComparison.Ordinal) && !app.Contains($"'{name}'", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
        // Secrets reach the container by reference, never as a plain value in the app's definition.
        Assert.Contains("'secretRef', 'ari-password'", app, StringComparison.Ordinal);
    }

    /// <summary>The compiled template, compiled once for the tests that read it (a compilation takes seconds).</summary>
    private static Task<JsonNode> CompileAsync() => Compiled.Value;

    private static readonly Lazy<Task<JsonNode>> Compiled = new(async () =>
    {
        var outFile = Path.Combine(TestRun.NewDirectory("bicep"), "main.json");
        await BicepCli.RunAsync("build", BicepCli.MainTemplate, "--outfile", outFile);
        return JsonNode.Parse(await File.ReadAllTextAsync(outFile))!;
    });

    private static JsonNode ContainerApp(JsonNode template, string service)
    {
        var resources = template["resources"] is JsonArray array
            ? array.Select(r => r!)
            : template["resources"]!.AsObject().Select(pair => pair.Value!);
        return resources.Single(r => (string?)r["type"] == "Microsoft.App/containerApps"
            && ((string?)r["name"])!.Contains($"'{{0}}-{service}'", StringComparison.Ordinal));
    }

    /// <summary>A literal, or a template variable holding one (<c>[variables('x')]</c>).</summary>
    private static string? Resolve(JsonNode template, JsonNode? value)
    {
        var text = (string?)value;
        const string Prefix = "[variables('";
        return text is not null && text.StartsWith(Prefix, StringComparison.Ordinal)
            ? (string?)template["variables"]![text[Prefix.Length..^3]]
            : text;
    }
}
