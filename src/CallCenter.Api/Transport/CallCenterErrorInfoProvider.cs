using CallCenter.Api.Options;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Transport;

/// <summary>Exception details (types, stack traces) appear in errors only in Development unless configured otherwise.</summary>
public sealed class CallCenterErrorInfoProvider(IOptions<GraphQLServerOptions> options, IHostEnvironment environment)
    : ErrorInfoProvider(new ErrorInfoProviderOptions
    {
        ExposeExceptionDetails = options.Value.ExposeExceptionDetails ?? environment.IsDevelopment(),
        ExposeExceptionDetailsMode = ExposeExceptionDetailsMode.Extensions,
    });
