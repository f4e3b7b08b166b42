using System.Buffers.Binary;

namespace CallCenter.Persistence.Recordings;

internal static class RecordingFile
{
    public static string ContentTypeOf(string format) => format.ToLowerInvariant() switch
    {
        "wav" or "wav16" => "audio/wav",
        "gsm" => "audio/x-gsm",
        "ulaw" or "ul" or "pcm" => "audio/basic",
        "alaw" or "al" => "audio/x-alaw-basic",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        _ => "application/octet-stream",
    };

    /// <summary>Length of a RIFF/WAVE file from its header (data bytes / byte rate); null for other formats or a damaged header.</summary>
    public static double? WavDurationSeconds(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            return null;
        }

        uint byteRate = 0;
        var offset = 12;
        while (offset + 8 <= file.Length)
        {
            var chunkId = file.Slice(offset, 4);
            var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(offset + 4, 4));
            if (chunkId.SequenceEqual("fmt "u8) && offset + 16 <= file.Length)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(offset + 16, 4));
            }
            else if (chunkId.SequenceEqual("data"u8))
            {
                // A writer that crashed leaves the size unset: count what is there.
                var dataBytes = Math.Min(chunkSize, (uint)(file.Length - offset - 8));
                return byteRate == 0 ? null : Math.Round((double)dataBytes / byteRate, 3);
            }

            offset += 8 + (int)Math.Min(chunkSize + (chunkSize & 1), int.MaxValue - 16);
        }

        return null;
    }

    /// <summary>A date-based blob name: yyyy/MM/dd/{call id}/{recording}.{format}.</summary>
    public static string BlobNameFor(DateTimeOffset callStartedAt, Guid callId, string sourceName, string format)
    {
        var safeName = new string([.. sourceName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return FormattableString.Invariant($"{callStartedAt.UtcDateTime:yyyy/MM/dd}/{callId}/{safeName}.{(format.Length > 0 ? format : "bin")}");
    }
}
