namespace CallCenter.Api.Calls;

/// <summary>The calls(order:) argument; ties are always broken by id, which makes the order total and the cursors stable.</summary>
public sealed class CallOrder
{
    public CallOrderField Field { get; set; } = CallOrderField.StartedAt;

    public SortDirection Direction { get; set; } = SortDirection.Desc;
}
