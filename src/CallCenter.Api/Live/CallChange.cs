using CallCenter.Contracts;
using CallCenter.Data;

namespace CallCenter.Api.Live;

/// <summary>A committed change with the call as it was loaded right after the notice (null when it could not be loaded).</summary>
public sealed record CallChange(CallChangeNotice Notice, Call? Call);
