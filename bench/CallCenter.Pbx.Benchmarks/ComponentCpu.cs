using CallCenter.Testing.Measurement;

namespace CallCenter.Pbx.Benchmarks;

/// <summary>
/// CPU seconds used so far by each process of the stack (PostgreSQL and Redis with their child processes: backends,
/// AOF rewrites), the agent's softphone, and the whole machine; subtracting two snapshots gives what a step cost.
/// </summary>
internal sealed record ComponentCpu(IReadOnlyDictionary<string, double> Seconds, double Phone, MachineCpu Machine)
{
    /// <summary>The order the tables report components in.</summary>
    public static readonly string[] Components = ["Asterisk", "ingestion", "worker", "API", "Redis", "PostgreSQL", "Azurite"];

    public static ComponentCpu Read(IReadOnlyDictionary<string, int> processes, double phoneSeconds) => new(
        processes.ToDictionary(p => p.Key, p => ProcessSampler.CpuSeconds(p.Value, withChildren: p.Key is "PostgreSQL" or "Redis")),
        phoneSeconds,
        MachineCpu.Read());

    public static ComponentCpu operator -(ComponentCpu after, ComponentCpu before) => new(
        after.Seconds.ToDictionary(p => p.Key, p => p.Value - before.Seconds.GetValueOrDefault(p.Key)),
        after.Phone - before.Phone,
        after.Machine - before.Machine);

    public double Of(string component) => Seconds.GetValueOrDefault(component);
}
