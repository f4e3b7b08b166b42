using System.Net;
using CallCenter.Ari;
using CallCenter.Ari.Rest;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>1. ARI answers GET /asterisk/info with our credentials: Asterisk's version and uptime.</summary>
public sealed class AriCheck(AriClient ari, IOptions<AriOptions> options, TimeProvider time) : IDiagnosticCheck
{
    public int Order => 1;

    public string Name => "ARI";

    public async Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = settings.BaseUrl.AbsoluteUri;
        var result = new CheckResult(Name, time).Saw("URL", url).Saw("user", settings.Username);
        try
        {
            var info = await ari.Asterisk.GetInfoAsync(cancellationToken);
            var now = time.GetUtcNow();
            result.Saw("Asterisk version", info.System?.Version is { Length: > 0 } version ? version : "unknown");
            if (info.Status?.StartupTime is { } started)
            {
                result.Saw("up since", Age.When(started, now));
            }

            return result.Build($"Asterisk {info.System?.Version} answers at {url} with user '{settings.Username}'"
                + (info.Status?.StartupTime is { } up ? $", up {Age.Of(now - up)}." : "."));
        }
        catch (AriException exception) when (exception.StatusCode == HttpStatusCode.Unauthorized)
        {
            result.Saw("answer", "401 Unauthorized");
            result.Problem(DiagnosticStatus.Failed,
                $"ARI refused user '{settings.Username}': wrong password (or no such ARI user).",
                $"Set Ari__Password (and Ari__Username) of the API, the ingestion service and the worker to the [{settings.Username}] user of Asterisk's ari.conf (type = user, password = ...), or add that user there and run: asterisk -rx \"module reload res_ari.so\". Test it with: curl -u {settings.Username}:PASSWORD {url}asterisk/info");
        }
        catch (AriException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            result.Saw("answer", "404 Not Found");
            result.Problem(DiagnosticStatus.Failed,
                $"Something answers at {url}, but not ARI (404).",
                "Ari__BaseUrl must be ARI's root, ending in /ari/ (e.g. http://pbx:8088/ari/); in Asterisk, http.conf needs enabled = yes and ari.conf [general] enabled = yes.");
        }
        catch (AriException exception)
        {
            result.Saw("answer", $"{(int)exception.StatusCode} {exception.Message}");
            result.Problem(DiagnosticStatus.Failed, $"ARI answered {(int)exception.StatusCode}: {exception.Message}",
                "Check Asterisk's log (asterisk -rx \"core show uptime\", /var/log/asterisk/messages) and ari.conf.");
        }
        catch (HttpRequestException exception)
        {
            result.Saw("error", exception.Message);
            result.Problem(DiagnosticStatus.Failed, $"ARI cannot be reached at {url}: {exception.Message}",
                "Check Ari__BaseUrl (host, port 8088 by default, http or https) and that Asterisk runs; its http.conf needs enabled = yes with a bindaddr this service can reach (asterisk -rx \"http show status\"), and no firewall in between.");
        }

        return result.Build("");
    }
}
