namespace CallCenter.Api.Calls;

/// <summary>One row of the statistics query (column names match the SQL aliases).</summary>
internal sealed class CallStatsRow
{
    public string? Key { get; set; }

    public DateTime? Period { get; set; }

    public int Total { get; set; }

    public int Answered { get; set; }

    public int Missed { get; set; }

    public int Busy { get; set; }

    public int Failed { get; set; }

    public double? AvgWait { get; set; }

    public double? AvgTalk { get; set; }

    public int WithinSl { get; set; }
}
