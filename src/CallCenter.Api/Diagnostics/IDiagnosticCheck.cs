namespace CallCenter.Api.Diagnostics;

/// <summary>One of the call-path checks; <see cref="DiagnosticsRunner"/> runs them all, each with a timeout.</summary>
public interface IDiagnosticCheck
{
    /// <summary>Position in the list: the order a call takes (PBX first, frontends last).</summary>
    int Order { get; }

    string Name { get; }

    Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken);
}
