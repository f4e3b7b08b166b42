namespace CallCenter.Api.Diagnostics;

/// <summary>Collects a check's evidence and its worst finding, then builds the <see cref="DiagnosticCheck"/>.</summary>
public sealed class CheckResult(string name, TimeProvider time)
{
    private readonly List<DiagnosticEvidence> _evidence = [];
    private readonly List<string> _fixes = [];
    private DiagnosticStatus _status = DiagnosticStatus.Ok;
    private string? _summary;

    public CheckResult Saw(string label, string value)
    {
        _evidence.Add(new DiagnosticEvidence(label, value));
        return this;
    }

    /// <summary>Records a problem; the summary is the first problem of the worst status seen.</summary>
    public CheckResult Problem(DiagnosticStatus status, string summary, string fix)
    {
        if (_summary is null || status > _status)
        {
            _summary = summary;
            _status = status;
        }

        if (!_fixes.Contains(fix))
        {
            _fixes.Add(fix);
        }

        return this;
    }

    public DiagnosticCheck Build(string okSummary) => new(
        name,
        _status,
        _status == DiagnosticStatus.Ok ? okSummary : _summary ?? okSummary,
        _evidence,
        _fixes.Count == 0 ? null : string.Join("\n", _fixes),
        time.GetUtcNow());
}
