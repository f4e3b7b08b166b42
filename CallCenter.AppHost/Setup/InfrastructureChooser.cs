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
            return new ContainerInfrastructure(builder, installation, ContainerImages.AsteriskBaseImage);
        }

        if (installation.Options.Mode == InfrastructureChoice.Container)
        {
            return ChooseContainers(builder, installation);
        }

        var (engine, reason) = installation.Options.Mode == InfrastructureChoice.Local
            ? (null, "--mode local")
            : ContainerEngine.Find(ContainerImages.Required);
        if (engine is not null)
        {
            builder.Configuration[ContainerEngine.RuntimeVariable] = engine;
            Console.WriteLine($"infrastructure: containers ({reason})");
            return new ContainerInfrastructure(builder, installation, AsteriskBase(engine));
        }

        Console.WriteLine($"infrastructure: local processes ({reason})");
        VerifyPrerequisites(withAsterisk: true);
        return new LocalInfrastructure(builder, installation);
    }

    /// <summary>
    /// --mode container: Asterisk as a container built from asterisk/Containerfile; PostgreSQL, Redis and Azurite as
    /// containers too when the engine has their images, else (no registry to pull them from) as local processes. With no
    /// engine answering, everything is declared as containers and Aspire reports the engine.
    /// </summary>
    private static IInfrastructure ChooseContainers(IDistributedApplicationBuilder builder, Installation installation)
    {
        var engine = ContainerEngine.Answering();
        if (engine is not null)
        {
            builder.Configuration[ContainerEngine.RuntimeVariable] = engine;
        }

        var missing = engine is null ? [] : ContainerImages.Servers.Where(image => !ContainerEngine.HasImage(engine, image)).ToList();
        var serversLocal = installation.Options.Servers switch
        {
            InfrastructureChoice.Local => true,
            InfrastructureChoice.Container => false,
            _ => missing.Count > 0,
        };
        var asteriskBase = AsteriskBase(engine);
        if (!serversLocal)
        {
            Console.WriteLine($"infrastructure: containers (--mode container, {engine ?? "no engine answers"}, Asterisk on {asteriskBase})");
            return new ContainerInfrastructure(builder, installation, asteriskBase);
        }

        var why = missing.Count > 0 ? $"{engine} lacks {string.Join(", ", missing)} and pulls nothing without a reachable registry" : "--servers local";
        Console.WriteLine($"infrastructure: Asterisk in a {engine ?? "container"} (on {asteriskBase}); PostgreSQL, Redis and Azurite as local processes ({why})");
        VerifyPrerequisites(withAsterisk: false);
        return new ContainerInfrastructure(builder, installation, asteriskBase, new LocalInfrastructure(builder, installation));
    }

    /// <summary>The locally imported Asterisk base when the engine has it, else Debian's image.</summary>
    private static string AsteriskBase(string? engine) =>
        engine is not null && ContainerEngine.HasImage(engine, ContainerImages.LocalAsteriskBaseImage)
            ? ContainerImages.LocalAsteriskBaseImage
            : ContainerImages.AsteriskBaseImage;

    /// <summary>Everything the local mode needs, checked at once so that one message names all that is missing.</summary>
    private static void VerifyPrerequisites(bool withAsterisk)
    {
        List<Func<string>> checks =
        [
            () => Prerequisites.PostgresBinary("postgres"),
            () => Prerequisites.RedisServer,
            () => Prerequisites.Node,
            () => Prerequisites.AzuriteBlobScript,
            () => Prerequisites.Sipp,
        ];
        if (withAsterisk)
        {
            checks.Add(() => Prerequisites.AsteriskRootFilesystem);
        }

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
