using System.Buffers.Binary;

namespace CallCenter.Console.Tests.Infrastructure;

/// <summary>A playable recording: 8 kHz 16-bit mono PCM WAV of a 440 Hz tone, like Asterisk's wav format.</summary>
public static class TestAudio
{
    public static byte[] Wav(TimeSpan length)
    {
        const int rate = 8000;
        var samples = (int)(length.TotalSeconds * rate);
        var data = samples * 2;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data);
        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), sample);
        }

        return wav;
    }
}
