using CallCenter.Data;

namespace CallCenter.Api.Calls;

/// <summary>One page of the call log in the requested order.</summary>
public sealed record CallPage(
    IReadOnlyList<Call> Calls,
    CallOrderField OrderField,
    bool HasPreviousPage,
    bool HasNextPage,
    Func<CancellationToken, Task<int>> CountTotalAsync);
