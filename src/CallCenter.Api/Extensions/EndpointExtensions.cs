using CallCenter.Api.Recordings;

namespace CallCenter.Api.Extensions;

internal static class EndpointExtensions
{
    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCallCenterGraphQL();
        app.MapMethods(RecordingLinks.PathPrefix + "{id:guid}", [HttpMethods.Get, HttpMethods.Head], RecordingDownloadEndpoint.HandleAsync);
        app.MapConsole();
        return app;
    }
}
