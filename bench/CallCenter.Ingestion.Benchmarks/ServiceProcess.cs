using CallCenter.LocalServers;

namespace CallCenter.Ingestion.Benchmarks;

/// <summary>The real ingestion service as its own process, configured as the AppHost would.</summary>
internal static class ServiceProcess
{
    public static LocalProcess Start(string dll, string redis, Uri ari, string stream)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the ingestion service first (dotnet build -c Release): {dll}");
        }

        return LocalProcess.Start(
            new LocalProcessSpec("ingestion", "dotnet", [dll])
            {
                Environment = new Dictionary<string, string>
                {
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PortAllocator.GetFreePort()}",
                    ["ConnectionStrings__redis"] = redis,
                    ["Ari__BaseUrl"] = ari.AbsoluteUri,
                    ["Ari__Username"] = "bench",
                    ["Ari__Password"] = "bench",
                    ["Ingestion__StreamName"] = stream,
                    ["Logging__LogLevel__Default"] = "Warning",
                },
            },
            (name, line) => Console.WriteLine($"[{name}] {line}"));
    }
}
