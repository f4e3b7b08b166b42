using System.Text;
using System.Text.Json;
using CallCenter.AppHost.Hosting.Installation;
using CallCenter.AppHost.Hosting.Orchestration;
using CallCenter.AppHost.Hosting.Resources;
using CallCenter.LocalServers;
using Spectre.Console;

namespace CallCenter.AppHost.Hosting.Output;

/// <summary>What is running and how to reach it: one table on the console, the same in endpoints.json.</summary>
internal sealed class ReadyReport
{
    private ReadyReport(EndpointsDocument document)
    {
        Document = document;
    }

    public EndpointsDocument Document { get; }

    public static ReadyReport Create(RunContext context, ResourceGraph graph, Orchestrator orchestrator)
    {
        var resources = graph.StartOrder.ToList();
        var api = resources.OfType<ProjectResource>().FirstOrDefault(project => project.GraphQlPath is not null && project.IsAvailable);
        var asterisk = resources.OfType<AsteriskResource>().FirstOrDefault();
        var now = DateTimeOffset.UtcNow;
        var jwtKey = context.Secrets.JwtSigningKey;
        var issuesJwt = resources.OfType<ProjectResource>().Any(project => project.IssuesDevelopmentJwt && project.IsAvailable);

        var document = new EndpointsDocument
        {
            AppHostPid = Environment.ProcessId,
            StartedAt = now,
            Mode = context.Mode == ExecutionMode.Container ? $"container ({context.ContainerRuntime!.Name})" : "local",
            DataFolder = context.DataFolder.Root,
            Resources =
            [
                .. resources.Select(resource => new ResourceDocument(
                    resource.Name,
                    resource.Kind,
                    orchestrator.StateOf(resource).ToString().ToLowerInvariant(),
                    resource.Server?.Process is { HasExited: false } process ? process.Id : null,
                    [.. resource.DescribeEndpoints().Select(endpoint => new EndpointEntry(endpoint.Name, endpoint.Address, endpoint.Detail))])),
            ],
            GraphQl = api is null
                ? null
                : new GraphQlDocument($"{api.HttpUrl}{api.GraphQlPath}", $"ws://127.0.0.1:{api.HttpPort}{api.GraphQlPath}", $"{api.HttpUrl}{api.GraphQlIdePath}"),
            Ari = asterisk is null
                ? null
                : new AriDocument(
                    asterisk.AriBaseUrl.AbsoluteUri,
                    $"ws://127.0.0.1:{asterisk.AriPort}/ari/events?app={AsteriskServer.AriApplication}",
                    AsteriskServer.AriUser,
                    asterisk.AriPassword,
                    AsteriskServer.AriApplication),
            Sip = asterisk is null
                ? null
                : new SipDocument(
                    asterisk.SipBindAddress == "0.0.0.0" ? Environment.MachineName : asterisk.SipBindAddress,
                    asterisk.SipPort,
                    "udp",
                    asterisk.SipBindAddress == "0.0.0.0" ? Environment.MachineName : asterisk.SipBindAddress,
                    [.. asterisk.AgentPasswords.OrderBy(agent => agent.Key, StringComparer.Ordinal).Select(agent => new SipAccount(agent.Key, agent.Value))],
                    AsteriskResource.TestNumbers),
            ConnectionStrings = resources.OfType<IResourceWithConnectionString>()
                .ToDictionary(resource => resource.Name, resource => resource.ConnectionString, StringComparer.Ordinal),
            Jwt = issuesJwt
                ? new JwtDocument(DevelopmentJwt.Create(jwtKey, now), DevelopmentJwt.Issuer, DevelopmentJwt.Audience, DevelopmentJwt.DevelopmentRole, now.Add(DevelopmentJwt.Lifetime))
                : null,
        };
        return new ReadyReport(document);
    }

    public void WriteJson(string path)
    {
        // It holds the installation's passwords: owner only, like secrets.json. Written then renamed, so a
        // tool polling for the file never reads half of it.
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            JsonSerializer.Serialize(stream, Document, EndpointsJsonContext.Default.EndpointsDocument);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public void Print(ConsoleOutput output)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold green]CallCenter is running[/]")
            .AddColumn("Resource").AddColumn("State").AddColumn("Endpoint").AddColumn("Details");
        var plain = new StringBuilder();
        foreach (var resource in Document.Resources)
        {
            var first = true;
            var endpoints = resource.Endpoints.Count > 0 ? resource.Endpoints : [new EndpointEntry("", "", null)];
            foreach (var endpoint in endpoints)
            {
                var state = first ? $"{resource.State}{(resource.Pid is { } pid ? $" (pid {pid})" : "")}" : "";
                table.AddRow(
                    Markup.Escape(first ? resource.Name : ""),
                    StateMarkup(first ? state : "", resource.State),
                    Markup.Escape(endpoint.Name.Length > 0 ? $"{endpoint.Name}: {endpoint.Address}" : ""),
                    Markup.Escape(endpoint.Detail ?? ""));
                plain.AppendLine($"{(first ? resource.Name : ""),-14} {state,-22} {endpoint.Name}: {endpoint.Address}  {endpoint.Detail}");
                first = false;
            }
        }

        var extras = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Line(string label, string value)
        {
            extras.AddRow(new Markup($"[bold]{Markup.Escape(label)}[/]"), new Text(value));
            plain.AppendLine($"{label}: {value}");
        }

        if (Document.GraphQl is { } graphQl)
        {
            Line("GraphQL", $"{graphQl.Http}  (subscriptions: {graphQl.WebSocket}, graphql-transport-ws)");
            Line("GraphQL IDE", $"{graphQl.Ide}  (open in a browser; send the JWT below as Authorization: Bearer)");
        }

        if (Document.Ari is { } ari)
        {
            Line("ARI", $"{ari.BaseUrl}  user {ari.Username} / {ari.Password}, app {ari.Application}");
        }

        if (Document.Sip is { } sip)
        {
            Line("SIP (softphone)", $"server {sip.Host}:{sip.Port} ({sip.Transport}); username = extension, password below; call 2000 for an answered test call");
            Line("Agents", string.Join("  ", sip.Agents.Select(agent => $"{agent.Username}/{agent.Password}")));
        }

        foreach (var (name, connectionString) in Document.ConnectionStrings)
        {
            Line($"ConnectionStrings__{name}", connectionString);
        }

        if (Document.Jwt is { } jwt)
        {
            Line($"JWT ({jwt.Role}, until {jwt.Expires:yyyy-MM-dd})", jwt.Token);
        }

        Line("Everything above as JSON", Path.Combine(Document.DataFolder, "endpoints.json"));
        output.Render(new Rows(table, extras), plain.ToString());
    }

    private static string StateMarkup(string text, string state) => text.Length == 0
        ? ""
        : state switch
        {
            "running" => $"[green]{Markup.Escape(text)}[/]",
            "skipped" => $"[yellow]{Markup.Escape(text)}[/]",
            _ => $"[red]{Markup.Escape(text)}[/]",
        };
}
