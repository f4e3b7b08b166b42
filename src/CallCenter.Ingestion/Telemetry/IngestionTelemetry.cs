using System.Diagnostics;

namespace CallCenter.Ingestion.Telemetry;

internal static class IngestionTelemetry
{
    public const string Name = "CallCenter.Ingestion";

    public static readonly ActivitySource ActivitySource = new(Name);
}
