using System.Net;
using System.Net.Sockets;
using CallCenter.LocalServers;

namespace CallCenter.Infrastructure.Tests;

/// <summary>Port blocks for programs that bind neighbours of the port they are given (sipp's -mp binds four).</summary>
public sealed class PortAllocatorTests
{
    [Fact]
    public void A_block_is_free_for_udp_throughout_and_none_of_its_ports_is_handed_out_again()
    {
        var first = PortAllocator.GetFreeUdpPortBlock(4);

        // Every port of the block can be bound, as sipp will.
        var sockets = Enumerable.Range(first, 4).Select(port => new UdpClient(new IPEndPoint(IPAddress.Loopback, port))).ToList();
        try
        {
            var later = Enumerable.Range(0, 200).Select(_ => PortAllocator.GetFreePort(alsoUdp: true)).ToList();
            Assert.DoesNotContain(later, port => port >= first && port < first + 4);
        }
        finally
        {
            sockets.ForEach(socket => socket.Dispose());
        }
    }

    [Fact]
    public void A_block_never_includes_a_port_a_server_already_bound()
    {
        // Servers bound on ports the OS handed out; blocks taken meanwhile step around all of them.
        var servers = Enumerable.Range(0, 20).Select(_ => new UdpClient(new IPEndPoint(IPAddress.Loopback, 0))).ToList();
        try
        {
            var bound = servers.Select(server => ((IPEndPoint)server.Client.LocalEndPoint!).Port).ToHashSet();
            for (var i = 0; i < 50; i++)
            {
                var first = PortAllocator.GetFreeUdpPortBlock(4);
                Assert.DoesNotContain(Enumerable.Range(first, 4), bound.Contains);
            }
        }
        finally
        {
            servers.ForEach(server => server.Dispose());
        }
    }
}
