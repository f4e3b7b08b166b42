using CallCenter.Api.Options;
using CallCenter.Api.Schema;
using CallCenter.Api.Security;
using CallCenter.Api.Telemetry;
using CallCenter.Api.Transport;
using CallCenter.Api.Transport.GraphiQL;
using CallCenter.Api.Transport.WebSockets;
using CallCenter.Api.Validation;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Extensions;

internal static class GraphQLExtensions
{
    /// <summary>graphql-dotnet with our limits, plus our own GraphQL-over-HTTP and graphql-transport-ws transport.</summary>
    public static IHostApplicationBuilder AddCallCenterGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLServerOptions>()
            .Bind(builder.Configuration.GetSection(GraphQLServerOptions.SectionName))
            .Validate(o => o.MaxPageSize > 0 && o.DefaultPageSize > 0 && o.DefaultPageSize <= o.MaxPageSize, "GraphQL page sizes must be positive and DefaultPageSize <= MaxPageSize.")
            .Validate(o => o.MaxRequestBytes > 0 && o.MaxDepth > 0 && o.MaxComplexity > 0, "GraphQL limits must be positive.")
            .ValidateOnStart();

        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<CallCenterSchema>()
            .AddGraphTypes(typeof(CallCenterSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<CallCenterErrorInfoProvider>()
            .AddValidationRule<RoleAuthorizationValidationRule>()
            .AddValidationRule<OperationComplexityRule>()
            .AddValidationRule<IntrospectionBoundsRule>()
            .ConfigureExecutionOptions(options =>
            {
                var services = options.RequestServices!;
                var limits = services.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;
                if (!limits.EnableIntrospection)
                {
                    options.ValidationRules = (options.ValidationRules ?? GraphQL.Validation.DocumentValidator.CoreRules)
                        .Append(NoIntrospectionValidationRule.Instance);
                }

                var logger = services.GetRequiredService<ILogger<GraphQLRequestExecutor>>();
                options.UnhandledExceptionDelegate = context =>
                {
                    Log.UnhandledResolverException(logger, context.OriginalException);
                    return Task.CompletedTask;
                };
            }));

        builder.Services.AddOptions<ComplexityOptions>().Configure<IOptions<GraphQLServerOptions>>((complexity, limits) =>
        {
            complexity.MaxDepth = limits.Value.MaxDepth;
            complexity.MaxComplexity = limits.Value.MaxComplexity;
        });
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<ComplexityOptions>>().Value);
        builder.Services.AddSingleton<ApiTelemetry>();
        builder.Services.AddSingleton<GraphQLRequestExecutor>();
        builder.Services.AddSingleton<GraphQLHttpHandler>();
        builder.Services.AddSingleton<GraphQLWebSocketHandler>();
        builder.Services.AddSingleton<WebSocketAuthenticator>();
        builder.Services.AddSingleton<Transport.Subscriptions.SubscriptionMultiplexer>();
        return builder;
    }

    public static IEndpointConventionBuilder MapCallCenterGraphQL(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;
        if (settings.EnableIde ?? app.Environment.IsDevelopment())
        {
            app.MapGet(GraphiQLBundle.PathPrefix + "{**path}", (HttpContext context, string path) => GraphiQLBundle.WriteAssetAsync(context, path));
        }

        var handler = app.Services.GetRequiredService<GraphQLHttpHandler>();
        return app.Map(settings.Path, handler.HandleAsync);
    }
}
