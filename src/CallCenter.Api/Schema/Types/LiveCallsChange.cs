using CallCenter.Data;

namespace CallCenter.Api.Schema.Types;

/// <summary>A change to the live set: <see cref="Call"/> entered, changed in, or (when not live) left it.</summary>
public sealed record LiveCallsChange(Call Call, bool Live);
