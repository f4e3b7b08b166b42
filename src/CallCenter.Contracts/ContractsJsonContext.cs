using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Contracts;

/// <summary>Source-generated JSON for the contracts (camelCase, as on the wire).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChannelSnapshot))]
[JsonSerializable(typeof(CallChangeNotice))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
