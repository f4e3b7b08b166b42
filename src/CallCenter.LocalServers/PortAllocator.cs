using System.Net;
using System.Net.Sockets;

namespace CallCenter.LocalServers;

/// <summary>Finds free loopback ports so that parallel runs never collide on fixed ports.</summary>
public static class PortAllocator
{
    private static readonly HashSet<int> Handed = [];
    private static readonly Lock Gate = new();

    /// <summary>A port free for TCP (and, when <paramref name="alsoUdp"/>, for UDP) on 127.0.0.1.</summary>
    public static int GetFreePort(bool alsoUdp = false)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            if (alsoUdp && !IsUdpFree(port))
            {
                continue;
            }

            // The OS may hand the same ephemeral port out twice before a server binds it.
            lock (Gate)
            {
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("No free loopback port found after 100 attempts.");
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive ports that are all free for UDP on 127.0.0.1, all reserved
    /// against later calls. For programs that bind neighbours of the port they are given: sipp's <c>-mp</c> binds
    /// it and the next three (audio and video RTP and RTCP), and a neighbour already taken (a server's SIP port) makes
    /// it exit at once with "Unable to bind video RTP socket".
    /// </summary>
    public static int GetFreeUdpPortBlock(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = GetFreePort(alsoUdp: true);
            var rest = Enumerable.Range(first + 1, count - 1).ToList();
            if (first + count - 1 > IPEndPoint.MaxPort || !rest.All(IsUdpFree))
            {
                continue;
            }

            lock (Gate)
            {
                if (!rest.Any(Handed.Contains))
                {
                    Handed.UnionWith(rest);
                    return first;
                }
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free loopback ports found after 100 attempts.");
    }

    private static bool IsUdpFree(int port)
    {
        try
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
