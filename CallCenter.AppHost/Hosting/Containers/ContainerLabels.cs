namespace CallCenter.AppHost.Hosting.Containers;

/// <summary>Labels on every container the AppHost starts: which installation and which resource.</summary>
internal static class ContainerLabels
{
    public const string Installation = "dev.callcenter.installation";
    public const string Resource = "dev.callcenter.resource";

    public static IReadOnlyDictionary<string, string> For(RunContext context, string resourceName) => new Dictionary<string, string>
    {
        [Installation] = context.Secrets.InstallationId,
        [Resource] = resourceName,
    };
}
