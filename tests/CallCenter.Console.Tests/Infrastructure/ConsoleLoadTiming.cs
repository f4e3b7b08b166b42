namespace CallCenter.Console.Tests.Infrastructure;

/// <summary>A page load as the browser measured it, in milliseconds since the navigation started.</summary>
public sealed record ConsoleLoadTiming(double DomContentLoadedMs, double LoadMs, double ReadyMs, double TransferredBytes);
