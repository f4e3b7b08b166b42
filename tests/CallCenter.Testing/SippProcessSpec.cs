using System.Globalization;
using CallCenter.LocalServers;

namespace CallCenter.Testing;

/// <summary>How a sipp process is started: directly, or under <c>nice</c> so that a load generator sharing the machine yields to the system under test.</summary>
public static class SippProcessSpec
{
    /// <summary>A value for sipp's <c>-mp</c>: sipp binds that port and the next three (audio and video RTP and RTCP).</summary>
    public static string MediaPort() => PortAllocator.GetFreeUdpPortBlock(4).ToString(CultureInfo.InvariantCulture);

    internal static LocalProcessSpec Create(string name, IEnumerable<string> arguments, string workingDirectory, int? niceness) => niceness is { } value
        // nice execs sipp in place: the process (and the PID we watch and signal) is sipp's.
        ? new LocalProcessSpec(name, "nice", ["-n", value.ToString(CultureInfo.InvariantCulture), Prerequisites.Sipp, .. arguments]) { WorkingDirectory = workingDirectory }
        : new LocalProcessSpec(name, Prerequisites.Sipp, [.. arguments]) { WorkingDirectory = workingDirectory };
}
