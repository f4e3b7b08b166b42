namespace CallCenter.Api.Schema.Inputs;

public sealed class AgentInput
{
    public string Extension { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public bool Active { get; set; } = true;
}
