using CallCenter.AppHost.Containers;
using CallCenter.AppHost.Local;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Setup;

/// <summary>
/// Chooses how the infrastructure runs before anything is declared: with no engine, container resources would sit
/// unhealthy and everything waiting for them would hang instead of failing.
/// </summary>
internal static class InfrastructureChooser
{
    public static IInfrastructure Choose(IDistributedApplicationBuilder builder, Installation installation)
    {
        if (installation.IsPublishing)
        {
            return new ContainerInfrastructure(builder, installation);
        }

        if (installation.Options.Mode == InfrastructureChoice.Container)
        {
            // Forced: Aspire's own engine choice and image pulls apply.
            Console.WriteLine("infrastructure: containers (--mode container)");
            return new ContainerInfrastructure(builder, installation);
        }

        var (engine, reason) = installation.Options.Mode == InfrastructureChoice.Local
            ? (null, "--mode local")
            : ContainerEngine.Find(ContainerImages.Required);
        if (engine is not null)
        {
            builder.Configuration[ContainerEngine.RuntimeVariable] = engine;
            Console.WriteLine($"infrastructure: containers ({reason})");
            return new ContainerInfrastructure(builder, installation);
        }

        Console.WriteLine($"infrastructure: local processes ({reason})");
        VerifyPrerequisites();
        return new LocalInfrastructure(builder, installation);
    }

    /// <summary>Everything the local mode needs, checked at once so that one message names all that is missing.</summary>
    private static void VerifyPrerequisites()
    {
        Func<string>[] checks =
        [
            () => Prerequisites.PostgresBinary("postgres"),
            () => Prerequisites.RedisServer,
            () => Prerequisites.Node,
            () => Prerequisites.AzuriteBlobScript,
            () => Prerequisites.AsteriskRootFilesystem,
            () => Prerequisites.Sipp,
        ];
        var missing = new List<string>();
        foreach (var check in checks)
        {
            try
            {
                check();
            }
            catch (MissingPrerequisiteException exception)
            {
                missing.Add(exception.What);
            }
        }

        if (missing.Count > 0)
        {
            Fail($"Missing prerequisites: {string.Join("; ", missing.Distinct())}. Install them with: {Prerequisites.InstallCommand}");
        }
    }

    private static void Fail(string message)
    {
        Console.Error.WriteLine(message);
        Environment.Exit(2);
    }
}
