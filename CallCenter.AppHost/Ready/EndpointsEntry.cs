using System.Text.Json.Nodes;

namespace CallCenter.AppHost.Ready;

/// <summary>
/// One part of .callcenter/endpoints.json and of the console summary, filled in once the stack is healthy. A new
/// entry (a frontend, a simulated SIP provider) is one more subclass and one more line in Program.cs.
/// </summary>
internal abstract class EndpointsEntry
{
    /// <summary>Adds this entry's properties to <paramref name="document"/> and its lines to <paramref name="summary"/>.</summary>
    public abstract Task AddToAsync(JsonObject document, IList<string> summary, CancellationToken cancellationToken);

    protected static async Task<string> ValueAsync(ReferenceExpression expression, CancellationToken cancellationToken) =>
        await expression.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
}
