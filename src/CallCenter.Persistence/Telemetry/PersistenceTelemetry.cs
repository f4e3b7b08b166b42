using System.Diagnostics;

namespace CallCenter.Persistence.Telemetry;

public static class PersistenceTelemetry
{
    public const string Name = "CallCenter.Persistence";

    public static readonly ActivitySource ActivitySource = new(Name);
}
