using System.Text.Json.Serialization;
using CallCenter.Ari.Events;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Internal;

[JsonSourceGenerationOptions(
    Converters = [typeof(AriTimestampConverter)],
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AriErrorBody))]
[JsonSerializable(typeof(AriVariablesBody))]
[JsonSerializable(typeof(AriAsteriskInfo))]
[JsonSerializable(typeof(AriChannel))]
[JsonSerializable(typeof(List<AriChannel>))]
[JsonSerializable(typeof(AriBridge))]
[JsonSerializable(typeof(List<AriBridge>))]
[JsonSerializable(typeof(AriLiveRecording))]
[JsonSerializable(typeof(AriStoredRecording))]
[JsonSerializable(typeof(AriPlayback))]
[JsonSerializable(typeof(AriApplication))]
[JsonSerializable(typeof(UnknownAriEvent))]
[JsonSerializable(typeof(StasisStart))]
[JsonSerializable(typeof(StasisEnd))]
[JsonSerializable(typeof(ChannelCreated))]
[JsonSerializable(typeof(ChannelStateChange))]
[JsonSerializable(typeof(ChannelDialplan))]
[JsonSerializable(typeof(ChannelVarset))]
[JsonSerializable(typeof(ChannelHangupRequest))]
[JsonSerializable(typeof(ChannelDestroyed))]
[JsonSerializable(typeof(ChannelEnteredBridge))]
[JsonSerializable(typeof(ChannelLeftBridge))]
[JsonSerializable(typeof(Dial))]
[JsonSerializable(typeof(ChannelHold))]
[JsonSerializable(typeof(ChannelUnhold))]
[JsonSerializable(typeof(ChannelCallerId))]
[JsonSerializable(typeof(ChannelConnectedLine))]
[JsonSerializable(typeof(BridgeCreated))]
[JsonSerializable(typeof(BridgeDestroyed))]
[JsonSerializable(typeof(BridgeBlindTransfer))]
[JsonSerializable(typeof(BridgeAttendedTransfer))]
[JsonSerializable(typeof(RecordingStarted))]
[JsonSerializable(typeof(RecordingFinished))]
[JsonSerializable(typeof(RecordingFailed))]
[JsonSerializable(typeof(PlaybackStarted))]
[JsonSerializable(typeof(PlaybackFinished))]
internal sealed partial class AriJsonContext : JsonSerializerContext;
