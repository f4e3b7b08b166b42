using CallCenter.AppHost.Hosting.Installation;
using CallCenter.AppHost.Hosting.Output;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CallCenter.AppHost.Tests;

public sealed class InstallationTests
{
    [Fact]
    public void SecretsAreGeneratedOnceIntoAPrivateFileAndReusedByTheNextRun()
    {
        var folder = new DataFolder(TestContexts.NewFolder());
        folder.Create();

        var first = InstallationSecrets.LoadOrCreate(folder.SecretsFile, out var created);
        var second = InstallationSecrets.LoadOrCreate(folder.SecretsFile, out var createdAgain);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.InstallationId, second.InstallationId);
        Assert.Equal(first.PostgresPassword, second.PostgresPassword);
        Assert.Equal(first.JwtSigningKey, second.JwtSigningKey);
        Assert.Equal(first.RecordingLinkSigningKey, second.RecordingLinkSigningKey);
        Assert.Equal(first.AgentPasswords, second.AgentPasswords);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.SecretsFile));
    }

    [Fact]
    public void EveryInstallationGetsItsOwnStrongSecrets()
    {
        var one = InstallationSecrets.Generate();
        var other = InstallationSecrets.Generate();

        Assert.NotEqual(one.PostgresPassword, other.PostgresPassword);
        Assert.NotEqual(one.AriPassword, other.AriPassword);
        Assert.NotEqual(one.JwtSigningKey, other.JwtSigningKey);
        Assert.Equal(32, Convert.FromBase64String(one.JwtSigningKey).Length);
        Assert.NotEqual(one.RecordingLinkSigningKey, other.RecordingLinkSigningKey);
        // The API signs with the key's UTF-8 bytes and wants at least 32 of them; 64 hex digits carry 256 bits.
        Assert.Matches("^[0-9a-f]{64}$", one.RecordingLinkSigningKey);
        Assert.Equal(64, Convert.FromBase64String(one.AzuriteAccountKey).Length);
        Assert.Equal(Enumerable.Range(1001, 10).Select(agent => agent.ToString(System.Globalization.CultureInfo.InvariantCulture)), one.AgentPasswords.Keys.Order());
        Assert.Equal(10, one.AgentPasswords.Values.Distinct().Count());
    }

    [Fact]
    public void AnInstallationFromBeforeTheRecordingLinkKeyGetsOneOnItsNextStartAndKeepsEverythingElse()
    {
        var folder = new DataFolder(TestContexts.NewFolder());
        folder.Create();
        var original = InstallationSecrets.LoadOrCreate(folder.SecretsFile, out _);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(folder.SecretsFile))!.AsObject();
        Assert.True(json.Remove("recordingLinkSigningKey"), "secrets.json names the key recordingLinkSigningKey");
        File.WriteAllText(folder.SecretsFile, json.ToJsonString());

        var upgraded = InstallationSecrets.LoadOrCreate(folder.SecretsFile, out var created);
        var reloaded = InstallationSecrets.LoadOrCreate(folder.SecretsFile, out _);

        Assert.False(created);
        Assert.Matches("^[0-9a-f]{64}$", upgraded.RecordingLinkSigningKey);
        Assert.Equal(upgraded.RecordingLinkSigningKey, reloaded.RecordingLinkSigningKey);
        Assert.Equal(original with { RecordingLinkSigningKey = upgraded.RecordingLinkSigningKey, AgentPasswords = upgraded.AgentPasswords }, upgraded);
        Assert.Equal(original.AgentPasswords, upgraded.AgentPasswords);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.SecretsFile));
        Assert.Equal([Path.GetFileName(folder.SecretsFile)], Directory.GetFiles(Path.GetDirectoryName(folder.SecretsFile)!, "secrets.json*").Select(Path.GetFileName));
    }

    [Fact]
    public void ResetWipesTheDataFolderButKeepsTheLockOfTheRunningAppHost()
    {
        var folder = new DataFolder(TestContexts.NewFolder());
        using var instanceLock = InstanceLock.Acquire(folder);
        folder.Create();
        InstallationSecrets.LoadOrCreate(folder.SecretsFile, out _);
        Directory.CreateDirectory(folder.ResourceDirectory("redis"));
        var outside = TestContexts.NewFolder();

        folder.Wipe([outside]);

        Assert.False(File.Exists(folder.SecretsFile));
        Assert.False(Directory.Exists(Path.Combine(folder.Root, "data")));
        Assert.False(Directory.Exists(outside));
        Assert.True(File.Exists(folder.LockFile));
    }

    [Fact]
    public void ASecondAppHostOnTheSameDataFolderIsRefusedWithAClearMessage()
    {
        var folder = new DataFolder(TestContexts.NewFolder());
        using var first = InstanceLock.Acquire(folder);

        var refused = Assert.ThrowsAny<Exception>(() => InstanceLock.Acquire(folder));

        Assert.Contains($"pid {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortsAreRememberedAndAnOccupiedOneIsReplaced()
    {
        var state = new InstallationState();
        var notices = new List<string>();
        var ports = new PortAssignments(state, notices.Add);
        var first = ports.Get("redis", 0);
        Assert.Equal(first, new PortAssignments(state, notices.Add).Get("redis", 0));

        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, first);
        squatter.Start();
        var replacement = new PortAssignments(state, notices.Add).Get("redis", 0);

        Assert.NotEqual(first, replacement);
        Assert.Contains(notices, notice => notice.Contains($"port {first} for redis is in use", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDevelopmentTokenIsASupervisorTokenTheApiCanValidateWithTheInstallationKey()
    {
        var secrets = InstallationSecrets.Generate();
        var token = DevelopmentJwt.Create(secrets.JwtSigningKey, DateTimeOffset.UtcNow);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevelopmentJwt.Issuer,
            ValidAudience = DevelopmentJwt.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(secrets.JwtSigningKey)),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("supervisor", result.Claims["role"]);
        var environment = new Dictionary<string, string>();
        DevelopmentJwt.Apply(environment, secrets.JwtSigningKey);
        Assert.Equal(secrets.JwtSigningKey, environment["Authentication__Jwt__SigningKeys__0"]);
        Assert.Equal(DevelopmentJwt.Issuer, environment["Authentication__Jwt__Issuer"]);
    }
}
