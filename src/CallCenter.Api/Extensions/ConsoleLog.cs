namespace CallCenter.Api.Extensions;

internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "The web console is not built ({Root} has no index.html); /console is not served")]
    public static partial void NotBuilt(ILogger logger, string root);
}
