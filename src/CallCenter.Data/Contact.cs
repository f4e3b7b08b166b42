namespace CallCenter.Data;

/// <summary>A known outside phone number: a person and/or company.</summary>
public sealed class Contact
{
    public Guid Id { get; set; }

    /// <summary>Digits only (no +, spaces or dashes), as <see cref="PhoneNumbers.Normalize"/> returns.</summary>
    public string PhoneNumber { get; set; } = "";

    public string? Name { get; set; }

    public string? Company { get; set; }
}
