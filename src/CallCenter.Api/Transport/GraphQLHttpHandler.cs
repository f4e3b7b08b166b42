using System.Buffers;
using System.Text.Json;
using CallCenter.Api.Options;
using CallCenter.Api.Telemetry;
using CallCenter.Api.Transport.GraphiQL;
using CallCenter.Api.Transport.WebSockets;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CallCenter.Api.Transport;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): POST with application/json, GET for
/// queries, media type negotiation and the status codes the specification prescribes; WebSocket upgrades go to
/// the graphql-transport-ws handler, browsers asking for HTML get GraphiQL.
/// </summary>
public sealed class GraphQLHttpHandler(
    GraphQLRequestExecutor executor,
    GraphQLWebSocketHandler webSockets,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLServerOptions> options,
    IHostEnvironment environment,
    ILogger<GraphQLHttpHandler> logger)
{
    private const string Transport = "http";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var settings = options.Value;

        if (context.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(context);
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, GraphQLMediaTypes.Json, "GraphQL accepts GET and POST only.");
            return;
        }

        var accept = request.GetTypedHeaders().Accept;
        if (isGet && ResponseMediaTypeNegotiator.AcceptsHtml(accept) && IdeEnabled(settings) && !request.Query.ContainsKey("query"))
        {
            await GraphiQLBundle.WriteIndexAsync(context);
            return;
        }

        var mediaType = ResponseMediaTypeNegotiator.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status406NotAcceptable, GraphQLMediaTypes.Json,
                $"Accept must allow {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.");
            return;
        }

        if (isGet && !HasPreflightHeader(request, settings))
        {
            // A cross-site <img>/<form>/simple fetch cannot set a non-safelisted header; requiring one forces a CORS preflight.
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                $"GET requests must carry one of these headers (CSRF protection): {string.Join(", ", settings.CsrfPreflightHeaders)}.");
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }

        var (graphQLRequest, error, errorStatus) = isGet
            ? ReadQueryString(request)
            : await ReadBodyAsync(context, settings.MaxRequestBytes);
        if (graphQLRequest is null)
        {
            Log.RequestRejected(logger, error!);
            await WriteRequestErrorAsync(context, errorStatus, mediaType, error!);
            return;
        }

        var parsed = ParsedOperation.TryParse(graphQLRequest.Query, graphQLRequest.OperationName);
        if (isGet && parsed?.OperationType is OperationType.Mutation)
        {
            context.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations are only accepted over POST.");
            return;
        }

        if (parsed?.OperationType is OperationType.Subscription)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                $"Subscriptions are served over WebSocket ({GraphQLWebSocketHandler.SubProtocol}) at this path.");
            return;
        }

        var result = await executor.ExecuteAsync(graphQLRequest, parsed, context.User, context.RequestServices, Transport, context.RequestAborted);

        // application/json: 200 for every well-formed request (legacy clients read errors from the body).
        // application/graphql-response+json: a request error (no execution, so no "data") is a 4xx.
        context.Response.StatusCode = mediaType == GraphQLMediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private bool IdeEnabled(GraphQLServerOptions settings) => settings.EnableIde ?? environment.IsDevelopment();

    private static bool HasPreflightHeader(HttpRequest request, GraphQLServerOptions settings) =>
        settings.CsrfPreflightHeaders.Any(name => request.Headers.ContainsKey(name));

    private (GraphQLRequest? Request, string? Error, int Status) ReadQueryString(HttpRequest request)
    {
        var query = request.Query["query"];
        if (query.Count != 1 || string.IsNullOrEmpty(query[0]))
        {
            return (null, "The 'query' parameter is required.", StatusCodes.Status400BadRequest);
        }

        Inputs? variables = null;
        if (request.Query["variables"] is { Count: > 0 } rawVariables && !string.IsNullOrEmpty(rawVariables[0]))
        {
            if (!TryDeserialize(rawVariables[0]!, out variables))
            {
                return (null, "The 'variables' parameter must be a JSON object.", StatusCodes.Status400BadRequest);
            }
        }

        Inputs? extensions = null;
        if (request.Query["extensions"] is { Count: > 0 } rawExtensions && !string.IsNullOrEmpty(rawExtensions[0]))
        {
            if (!TryDeserialize(rawExtensions[0]!, out extensions))
            {
                return (null, "The 'extensions' parameter must be a JSON object.", StatusCodes.Status400BadRequest);
            }
        }

        var operationName = request.Query["operationName"] is { Count: > 0 } name && !string.IsNullOrEmpty(name[0]) ? name[0] : null;
        return (new GraphQLRequest { Query = query[0], OperationName = operationName, Variables = variables, Extensions = extensions }, null, 0);
    }

    private bool TryDeserialize(string json, out Inputs? value)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                value = null;
                return false;
            }

            value = serializer.Deserialize<Inputs>(json);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private async Task<(GraphQLRequest? Request, string? Error, int Status)> ReadBodyAsync(HttpContext context, int maxBytes)
    {
        var request = context.Request;
        if (!IsJsonContentType(request.ContentType))
        {
            // Also the POST half of the CSRF guard: the simple types a cross-site form can send never get here.
            return (null, $"POST requests must have Content-Type {GraphQLMediaTypes.Json}.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, $"The request body exceeds {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1L;
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 16 * 1024));
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return (null, $"The request body exceeds {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, $"The request body exceeds {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return ParseBody(buffer.WrittenSpan);
    }

    private (GraphQLRequest? Request, string? Error, int Status) ParseBody(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object.", StatusCodes.Status400BadRequest);
            }

            if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || query.GetString() is not { Length: > 0 })
            {
                return (null, "The request body must have a non-empty string 'query'.", StatusCodes.Status400BadRequest);
            }

            if (root.TryGetProperty("operationName", out var name) && name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, "'operationName' must be a string.", StatusCodes.Status400BadRequest);
            }

            foreach (var objectProperty in (ReadOnlySpan<string>)["variables", "extensions"])
            {
                if (root.TryGetProperty(objectProperty, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return (null, $"'{objectProperty}' must be a JSON object.", StatusCodes.Status400BadRequest);
                }
            }

            return (serializer.Deserialize<GraphQLRequest>(root.GetRawText()), null, 0);
        }
        catch (JsonException exception)
        {
            return (null, $"The request body is not valid JSON: {exception.Message}", StatusCodes.Status400BadRequest);
        }
    }

    private static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private async Task WriteRequestErrorAsync(HttpContext context, int statusCode, string mediaType, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = "BAD_REQUEST" });
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
