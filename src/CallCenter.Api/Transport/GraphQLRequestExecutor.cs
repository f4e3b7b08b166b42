using System.Diagnostics;
using System.Security.Claims;
using CallCenter.Api.Options;
using CallCenter.Api.Telemetry;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Transport;

/// <summary>Runs one GraphQL request for either transport with the configured limits.</summary>
public sealed class GraphQLRequestExecutor(
    IDocumentExecuter executer,
    ISchema schema,
    IOptions<GraphQLServerOptions> options,
    ApiTelemetry telemetry)
{
    internal async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        ParsedOperation? parsed,
        ClaimsPrincipal user,
        IServiceProvider services,
        string transport,
        CancellationToken cancellationToken)
    {
        var operationType = parsed?.OperationType;
        using var activity = ApiTelemetry.ActivitySource.StartActivity("graphql.execute");
        activity?.SetTag("graphql.operation.name", request.OperationName);
        activity?.SetTag("graphql.operation.type", operationType?.ToString().ToLowerInvariant());
        var started = Stopwatch.GetTimestamp();

        var executionOptions = new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = parsed?.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = services,
            CancellationToken = cancellationToken,
        };
        // A subscription lives as long as its client wants it; only one-shot operations are bounded.
        if (operationType is not OperationType.Subscription)
        {
            executionOptions.Timeout = options.Value.ExecutionTimeout;
        }

        var result = await executer.ExecuteAsync(executionOptions);

        var outcome = !result.Executed ? "request_error" : result.Errors is { Count: > 0 } ? "field_error" : "ok";
        var tags = new TagList
        {
            { "transport", transport },
            { "operation", operationType?.ToString().ToLowerInvariant() ?? "unknown" },
            { "outcome", outcome },
        };
        telemetry.Requests.Add(1, tags);
        telemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        if (outcome != "ok")
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }

        return result;
    }
}
