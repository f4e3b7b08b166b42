using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CallCenter.LocalServers;

/// <summary>Redis from Debian's packages, with append-only persistence so a restart keeps the streams.</summary>
public sealed class RedisServer(string dataDirectory, int port, Action<string, string> output, string? password = null)
    : LocalServer("redis", dataDirectory, output)
{
    public int Port { get; } = port;

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string ConnectionString => Password is null
        ? $"127.0.0.1:{Port}"
        : $"127.0.0.1:{Port},password={Password}";

    public string? Password { get; } = password;

    public override LocalProcessSpec CreateSpec()
    {
        List<string> arguments =
        [
            "--bind", "127.0.0.1",
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--dir", DataDirectory,
            "--appendonly", "yes",
            "--save", "",
            "--daemonize", "no",
            "--protected-mode", "no",
        ];
        if (Password is not null)
        {
            arguments.AddRange(["--requirepass", Password]);
        }

        return new LocalProcessSpec(Name, Prerequisites.RedisServer, arguments);
    }

    public override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        var command = Password is null ? "PING\r\n" : $"AUTH {Password}\r\nPING\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command), cancellationToken).ConfigureAwait(false);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        // While loading the append-only file Redis answers -LOADING.
        return Encoding.ASCII.GetString(buffer, 0, read).Contains("+PONG", StringComparison.Ordinal)
            || (Password is not null && await ReadsPongAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    public override string Describe() => $"127.0.0.1:{Port}";

    private static async Task<bool> ReadsPongAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Encoding.ASCII.GetString(buffer, 0, read).Contains("+PONG", StringComparison.Ordinal);
    }
}
