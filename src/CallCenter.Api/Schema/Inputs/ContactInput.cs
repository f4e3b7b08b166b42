namespace CallCenter.Api.Schema.Inputs;

public sealed class ContactInput
{
    public string PhoneNumber { get; set; } = "";

    public string? Name { get; set; }

    public string? Company { get; set; }
}
