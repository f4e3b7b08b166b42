using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Streaming;

/// <summary>
/// The Lua script that appends a run of entries to one stream. A script runs atomically, and this
/// service is the stream's only writer, so the run either landed whole or not at all; when the
/// stream's last entry already carries the run's last event id, an earlier attempt landed (its reply
/// was lost) and the script writes nothing (-1). That makes retries exactly-once.
/// ARGV: last event id, MAXLEN (0 = no trimming), then per entry: 2 × field count, fields and values.
/// </summary>
public static class AppendScript
{
    public const string Text = $$"""
        local tail = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
        if #tail == 1 then
          local fields = tail[1][2]
          for j = 1, #fields, 2 do
            if fields[j] == '{{AriStreamFields.EventId}}' then
              if fields[j + 1] == ARGV[1] then return -1 end
              break
            end
          end
        end
        local maxlen = tonumber(ARGV[2])
        local i = 3
        local appended = 0
        while i <= #ARGV do
          local count = tonumber(ARGV[i])
          local command = { 'XADD', KEYS[1] }
          if maxlen > 0 then
            command[3] = 'MAXLEN'; command[4] = '~'; command[5] = maxlen; command[6] = '*'
          else
            command[3] = '*'
          end
          for j = 1, count do command[#command + 1] = ARGV[i + j] end
          redis.call(unpack(command))
          appended = appended + 1
          i = i + count + 1
        end
        return appended
        """;

    /// <summary>The script's ARGV for a run of entries that all go to one stream.</summary>
    public static RedisValue[] Arguments(IReadOnlyList<BufferedWrite> run, int maxLength)
    {
        var length = 2;
        foreach (var write in run)
        {
            length += 1 + write.Fields.Length;
        }

        var arguments = new RedisValue[length];
        arguments[0] = run[^1].EventId;
        arguments[1] = maxLength;
        var next = 2;
        foreach (var write in run)
        {
            arguments[next++] = write.Fields.Length;
            write.Fields.CopyTo(arguments, next);
            next += write.Fields.Length;
        }

        return arguments;
    }
}
