namespace CallCenter.Persistence.Consumption;

/// <summary>What identifies a call across PBXs: the Asterisk system id and the call's linkedid.</summary>
internal readonly record struct CallKey(string AsteriskId, string Key);
