using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Contracts.Diagnostics;

/// <summary>Source-generated JSON for the services' status records (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestionStatus))]
[JsonSerializable(typeof(WorkerStatus))]
public sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
