using System.Text;
using CallCenter.Ari.Internal;

namespace CallCenter.Ari.Tests.Internal;

public sealed class AriTimestampConverterTests
{
    [Theory]
    [InlineData("2025-03-01T09:15:30.200+0500")]
    [InlineData("2026-11-22T09:00:00.037+0000")]
    [InlineData("2026-11-22T23:59:59.999-0330")]
    [InlineData("2024-02-29T00:00:00.000+1400")]
    public void Asterisks_layout_is_read_from_the_bytes_as_the_general_parser_reads_it(string text)
    {
        Assert.True(AriTimestampConverter.TryParse(text, out var general));

        Assert.True(AriTimestampConverter.TryParseAsteriskLayout(Encoding.UTF8.GetBytes(text), out var exact));

        Assert.Equal(general, exact);
        Assert.Equal(general.Offset, exact.Offset);
    }

    [Theory]
    [InlineData("2026-02-29T00:00:00.000+0000")] // no such day: neither parser takes it
    [InlineData("2026-11-22T24:00:00.000+0000")]
    [InlineData("2026-11-22T09:00:00.000+1500")]
    [InlineData("2026-11-22T09:00:00.000Z+000")]
    public void A_value_that_is_not_a_valid_Asterisk_timestamp_is_left_to_the_general_parser(string text)
    {
        Assert.False(AriTimestampConverter.TryParseAsteriskLayout(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Other_layouts_still_parse_through_the_general_parser()
    {
        const string text = "2026-11-22T09:00:00.123456+00:00";

        Assert.False(AriTimestampConverter.TryParseAsteriskLayout(Encoding.UTF8.GetBytes(text), out _));
        Assert.True(AriTimestampConverter.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), value);
    }
}
