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

        // Every reply is one line. Both must be read: while loading the append-only file Redis answers -LOADING to
        // AUTH and PING alike, and a probe that waited for a third line would wait forever.
        var replies = await ReadLinesAsync(stream, Password is null ? 1 : 2, cancellationToken).ConfigureAwait(false);
        return replies.Count > 0 && replies[^1].StartsWith("+PONG", StringComparison.Ordinal);
    }

    public override string Describe() => $"127.0.0.1:{Port}";

    private static async Task<List<string>> ReadLinesAsync(NetworkStream stream, int count, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[256];
        while (CountLines(received) < count)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return [.. received.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    private static int CountLines(StringBuilder text)
    {
        var lines = 0;
        for (var i = 1; i < text.Length; i++)
        {
            lines += text[i - 1] == '\r' && text[i] == '\n' ? 1 : 0;
        }

        return lines;
    }
}
