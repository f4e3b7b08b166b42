namespace CallCenter.Api.Options;

/// <summary>Where the built web console is (default: the console/ folder beside the API's assembly).</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    public string? RootPath { get; set; }
}
