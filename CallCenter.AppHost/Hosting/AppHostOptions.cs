using System.CommandLine;

namespace CallCenter.AppHost.Hosting;

/// <summary>The AppHost's command line (every option also has an environment variable, for IDE launch profiles).</summary>
public sealed record AppHostOptions
{
    public ExecutionMode Mode { get; init; } = ExecutionMode.Auto;

    public bool Reset { get; init; }

    public bool Demo { get; init; }

    public string? DataDirectory { get; init; }

    public string SipBindAddress { get; init; } = "127.0.0.1";

    /// <summary>Parses the command line; null when the program should exit (help shown, or invalid arguments) with <paramref name="exitCode"/>.</summary>
    public static AppHostOptions? Parse(string[] args, out int exitCode)
    {
        var mode = new Option<ExecutionMode>("--mode")
        {
            Description = "How PostgreSQL, Redis, Azurite and Asterisk run: Auto (containers when Docker or Podman answers, else local processes), Local or Container. Env: CALLCENTER_MODE.",
            DefaultValueFactory = _ => Enum.TryParse<ExecutionMode>(Environment.GetEnvironmentVariable("CALLCENTER_MODE"), ignoreCase: true, out var fromEnvironment)
                ? fromEnvironment
                : ExecutionMode.Auto,
        };
        var reset = new Option<bool>("--reset")
        {
            Description = "Wipe the installation's data and secrets (databases, streams, blobs, recordings, passwords) before starting.",
        };
        var demo = new Option<bool>("--demo")
        {
            Description = "Place realistic demo calls into the local Asterisk with sipp (answered with audio, missed, busy) at a gentle rate.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CALLCENTER_DEMO") is "1" or "true",
        };
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "The installation's data folder (secrets, data, endpoints.json). Default: .callcenter/ in the checkout. Env: CALLCENTER_DATA.",
        };
        var sipBind = new Option<string>("--sip-bind")
        {
            Description = "Address Asterisk's SIP transport listens on; 0.0.0.0 lets softphones on other machines register.",
            DefaultValueFactory = _ => "127.0.0.1",
        };

        var root = new RootCommand(
            "Starts the whole CallCenter stack: PostgreSQL, Redis, Azurite, Asterisk, then the ingestion service, the persistence worker and the GraphQL API. Ctrl+C stops everything.")
        {
            mode, reset, demo, dataDirectory, sipBind,
        };

        AppHostOptions? options = null;
        root.SetAction(result =>
        {
            options = new AppHostOptions
            {
                Mode = result.GetValue(mode),
                Reset = result.GetValue(reset),
                Demo = result.GetValue(demo),
                DataDirectory = result.GetValue(dataDirectory),
                SipBindAddress = result.GetValue(sipBind) ?? "127.0.0.1",
            };
            return 0;
        });

        exitCode = root.Parse(args).Invoke();
        return options;
    }
}
