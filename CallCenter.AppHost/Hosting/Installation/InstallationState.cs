using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Installation;

/// <summary>
/// What an installation remembers that is not secret: the port each endpoint got. Ports stay the same
/// between runs so that a softphone account, a bookmarked GraphQL IDE or a database tool keeps working;
/// the well-known port is taken when it is free, and a port that got taken meanwhile is replaced (and said).
/// </summary>
internal sealed class InstallationState
{
    public Dictionary<string, int> Ports { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Where the PostgreSQL cluster lives when the data folder is not reachable by the `postgres` user.</summary>
    public string? PostgresDataOverride { get; set; }

    public static InstallationState Load(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllText(path), InstallationJsonContext.Default.InstallationState) ?? new InstallationState()
            : new InstallationState();

    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(this, InstallationJsonContext.Default.InstallationState));
}

/// <summary>Hands out the installation's ports: remembered when still free, else preferred, else any free loopback port.</summary>
internal sealed class PortAssignments(InstallationState state, Action<string> notice)
{
    private readonly Lock _gate = new();

    public int Get(string key, int preferred, bool udp = false)
    {
        lock (_gate)
        {
            if (state.Ports.TryGetValue(key, out var remembered))
            {
                if (IsFree(remembered, udp))
                {
                    return remembered;
                }

                var replacement = Pick(preferred, udp);
                notice($"port {remembered} for {key} is in use by another program; using {replacement} this time");
                state.Ports[key] = replacement;
                return replacement;
            }

            var port = Pick(preferred, udp);
            state.Ports[key] = port;
            return port;
        }
    }

    private int Pick(int preferred, bool udp)
    {
        if (preferred > 0 && IsFree(preferred, udp) && !state.Ports.ContainsValue(preferred))
        {
            return preferred;
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var port = PortAllocator.GetFreePort(alsoUdp: udp);
            if (!state.Ports.ContainsValue(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free loopback port found.");
    }

    internal static bool IsFree(int port, bool udp)
    {
        try
        {
            using (var listener = new TcpListener(IPAddress.Loopback, port))
            {
                listener.Start();
                listener.Stop();
            }

            if (udp)
            {
                using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
