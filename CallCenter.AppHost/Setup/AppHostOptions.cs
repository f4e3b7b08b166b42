using CallCenter.LocalServers;

namespace CallCenter.AppHost.Setup;

/// <summary>
/// The AppHost's own switches (--mode, --servers, --reset, --demo, --data-dir, --sip-bind, --any-ports). They are taken out of the
/// arguments before Aspire sees the rest (--publisher, --output-path, ...), whose command-line configuration
/// would reject a switch without a value such as --demo.
/// </summary>
internal sealed record AppHostOptions
{
    public InfrastructureChoice Mode { get; init; } = InfrastructureChoice.Auto;

    /// <summary>In container mode, how PostgreSQL, Redis and Azurite run: containers if the engine has their images (Auto), or forced.</summary>
    public InfrastructureChoice Servers { get; init; } = InfrastructureChoice.Auto;

    public bool Reset { get; init; }

    public bool Demo { get; init; }

    public string DataDirectory { get; init; } = Path.Combine(Prerequisites.RepositoryRoot, ".callcenter");

    /// <summary>Where Asterisk's SIP listens: loopback, or 0.0.0.0 for softphones on other machines.</summary>
    public string SipBindAddress { get; init; } = "127.0.0.1";

    /// <summary>Use the well-known ports (5432, 6379, 10000, 8088, 5060) when they are free; tests turn it off.</summary>
    public bool PreferWellKnownPorts { get; init; } = true;

    public IReadOnlyList<string> AspireArguments { get; init; } = [];

    public static AppHostOptions Parse(string[] args)
    {
        var options = new AppHostOptions
        {
            Mode = Enum.TryParse<InfrastructureChoice>(Environment.GetEnvironmentVariable("CALLCENTER_MODE"), ignoreCase: true, out var mode) ? mode : InfrastructureChoice.Auto,
            Demo = Environment.GetEnvironmentVariable("CALLCENTER_DEMO") is "1" or "true",
            DataDirectory = Environment.GetEnvironmentVariable("CALLCENTER_DATA") is { Length: > 0 } data ? Path.GetFullPath(data) : Path.Combine(Prerequisites.RepositoryRoot, ".callcenter"),
            PreferWellKnownPorts = Environment.GetEnvironmentVariable("CALLCENTER_WELL_KNOWN_PORTS") is not ("0" or "false"),
        };
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--demo" => options with { Demo = true },
                "--reset" => options with { Reset = true },
                "--mode" => options with { Mode = Enum.Parse<InfrastructureChoice>(Value(), ignoreCase: true) },
                "--servers" => options with { Servers = Enum.Parse<InfrastructureChoice>(Value(), ignoreCase: true) },
                "--data-dir" => options with { DataDirectory = Path.GetFullPath(Value()) },
                "--sip-bind" => options with { SipBindAddress = Value() },
                "--any-ports" => options with { PreferWellKnownPorts = false },
                _ => Keep(options, args[i], rest),
            };
        }

        return options with { AspireArguments = rest };
    }

    private static AppHostOptions Keep(AppHostOptions options, string argument, List<string> rest)
    {
        rest.Add(argument);
        return options;
    }
}

/// <summary>How the infrastructure runs: chosen by probing (Auto) or forced.</summary>
internal enum InfrastructureChoice
{
    Auto,
    Local,
    Container,
}
