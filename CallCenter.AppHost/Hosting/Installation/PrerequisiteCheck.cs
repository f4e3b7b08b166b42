using CallCenter.AppHost.Hosting.Resources;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Installation;

/// <summary>Checks everything the local mode needs before starting anything, so that one message names all that is missing.</summary>
internal static class PrerequisiteCheck
{
    public static void Verify(IEnumerable<Resource> resources, bool demo)
    {
        var checks = new List<Func<string>>();
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case PostgresServerResource:
                    checks.Add(() => Prerequisites.PostgresBinary("postgres"));
                    break;
                case RedisResource:
                    checks.Add(() => Prerequisites.RedisServer);
                    break;
                case AzureStorageResource:
                    checks.Add(() => Prerequisites.Node);
                    checks.Add(() => Prerequisites.AzuriteBlobScript);
                    break;
                case AsteriskResource:
                    checks.Add(() => Prerequisites.AsteriskRootFilesystem);
                    break;
            }
        }

        if (demo)
        {
            checks.Add(() => Prerequisites.Sipp);
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
            throw new MissingPrerequisitesException(
                $"Missing prerequisites: {string.Join("; ", missing.Distinct())}. Install them with: {Prerequisites.InstallCommand}");
        }
    }
}
