using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record BridgeAttendedTransfer : AriEvent
{
    [JsonPropertyName("transferer_first_leg")] public AriChannel TransfererFirstLeg { get; init; } = new();
    [JsonPropertyName("transferer_second_leg")] public AriChannel TransfererSecondLeg { get; init; } = new();
    [JsonPropertyName("replace_channel")] public AriChannel? ReplaceChannel { get; init; }
    [JsonPropertyName("transferee")] public AriChannel? Transferee { get; init; }
    [JsonPropertyName("transfer_target")] public AriChannel? TransferTarget { get; init; }
    /// <summary>Success, Fail, Invalid, Not Permitted.</summary>
    [JsonPropertyName("result")] public string Result { get; init; } = "";
    [JsonPropertyName("is_external")] public bool IsExternal { get; init; }
    [JsonPropertyName("transferer_first_leg_bridge")] public AriBridge? TransfererFirstLegBridge { get; init; }
    [JsonPropertyName("transferer_second_leg_bridge")] public AriBridge? TransfererSecondLegBridge { get; init; }
    /// <summary>bridge, application, link, threeway, fail.</summary>
    [JsonPropertyName("destination_type")] public string DestinationType { get; init; } = "";
    [JsonPropertyName("destination_bridge")] public string? DestinationBridge { get; init; }
    [JsonPropertyName("destination_application")] public string? DestinationApplication { get; init; }
    [JsonPropertyName("destination_link_first_leg")] public AriChannel? DestinationLinkFirstLeg { get; init; }
    [JsonPropertyName("destination_link_second_leg")] public AriChannel? DestinationLinkSecondLeg { get; init; }
    [JsonPropertyName("destination_threeway_channel")] public AriChannel? DestinationThreewayChannel { get; init; }
    [JsonPropertyName("destination_threeway_bridge")] public AriBridge? DestinationThreewayBridge { get; init; }
}
