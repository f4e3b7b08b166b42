namespace CallCenter.Data;

/// <summary>A person behind an extension.</summary>
public sealed class Agent
{
    public Guid Id { get; set; }

    public string Extension { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public bool Active { get; set; } = true;
}
