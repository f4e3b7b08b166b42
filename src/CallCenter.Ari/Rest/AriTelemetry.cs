using System.Diagnostics;

namespace CallCenter.Ari.Rest;

public static class AriTelemetry
{
    /// <summary>Add this name to the tracer provider to see one span per ARI REST call.</summary>
    public const string ActivitySourceName = "CallCenter.Ari";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
