using CallCenter.LocalServers;
using CallCenter.Testing;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>
/// The AppHost as a user runs it, in local mode: killed with kill -9 it leaves nothing behind and starts again on the
/// same data; Ctrl+C while starting and during calls stops everything.
/// </summary>
[Collection(nameof(AppHostStackTests))]
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    /// <summary>DCP notices the AppHost is gone and stops what it started; generous for a loaded 2-core machine.</summary>
    private static readonly TimeSpan CleanUpTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KillNineLeavesNoProcessOfTheStackAndTheNextStartOnTheSameDataIsHealthy()
    {
        var data = TestInstallation.NewDataFolder();
        try
        {
            string caller;
            await using (var first = AppHostProcess.Start(data))
            {
                using var endpoints = await first.WaitForEndpointsAsync(StartTimeout);
                caller = CallLog.NewCallerNumber();
                var sipp = new SippRunner(endpoints.RootElement.GetProperty("sip").GetProperty("port").GetInt32());
                Assert.True((await sipp.PlaceCallsAsync(new SippCallOptions("2001") { CallerNumber = caller }, TestContext.Current.CancellationToken)).AllSucceeded);
                using (var log = new CallLog(endpoints.RootElement))
                {
                    await log.WaitForCallAsync(caller, call => call["status"]!.GetValue<string>() == "COMPLETED", TimeSpan.FromSeconds(60), "COMPLETED");
                }

                var stack = first.Stack();
                Assert.Contains(stack, process => process.Command == "postgres");
                Assert.Contains(stack, process => process.Command == "asterisk");

                await first.KillAsync();

                var left = await StackProcesses.WaitUntilGoneAsync(stack, CleanUpTimeout);
                Assert.True(left.Count == 0, $"Left running {CleanUpTimeout.TotalSeconds:0} s after kill -9: {string.Join("; ", left)}");
                Assert.DoesNotContain(File.ReadAllLines("/proc/mounts"), line => line.Contains("/var/tmp/callcenter/apphost-", StringComparison.Ordinal));
            }

            // Same data: the stale postmaster.pid and Asterisk's control socket must not stop the next start.
            await using var second = AppHostProcess.Start(data);
            using var again = await second.WaitForEndpointsAsync(StartTimeout);
            using (var log = new CallLog(again.RootElement))
            {
                // Polled like the first call: a query that hit the API's execution timeout on the busy CI machine is asked again.
                await log.WaitForCallAsync(caller, _ => true, TimeSpan.FromSeconds(60), "kept from the first start");
            }

            var running = second.Stack();
            Assert.Equal(0, await second.StopAsync(UnixSignals.SigTerm, StopTimeout));
            var leftAfterStop = await StackProcesses.WaitUntilGoneAsync(running, CleanUpTimeout);
            Assert.True(leftAfterStop.Count == 0, $"Left running after SIGTERM: {string.Join("; ", leftAfterStop)}");
        }
        finally
        {
            TestInstallation.Remove(data);
        }
    }

    [Fact]
    public async Task CtrlCWhileStartingStopsEverythingThatAlreadyStarted()
    {
        var data = TestInstallation.NewDataFolder();
        try
        {
            await using var host = AppHostProcess.Start(data);
            Assert.False(await host.IgnoresSigIntAsync(), "the AppHost must start with SIGINT at its default action, as in a terminal");
            var stack = await WaitForStackProcessAsync(host, "postgres");

            Assert.Equal(0, await host.StopAsync(UnixSignals.SigInt, StopTimeout));

            var left = await StackProcesses.WaitUntilGoneAsync([.. stack, .. host.Stack()], CleanUpTimeout);
            Assert.True(left.Count == 0, $"Left running after Ctrl+C while starting: {string.Join("; ", left)}");
            Assert.False(File.Exists(host.EndpointsFile), "endpoints.json of a stack that never became ready");
        }
        finally
        {
            TestInstallation.Remove(data);
        }
    }

    [Fact]
    public async Task CtrlCDuringCallsStopsEverythingIncludingTheDemoCallers()
    {
        var data = TestInstallation.NewDataFolder();
        try
        {
            await using var host = AppHostProcess.Start(data, "--demo");
            using var endpoints = await host.WaitForEndpointsAsync(StartTimeout);
            var caller = CallLog.NewCallerNumber();
            var sipp = new SippRunner(endpoints.RootElement.GetProperty("sip").GetProperty("port").GetInt32());
            var calls = sipp.PlaceCallsAsync(new SippCallOptions("2001") { CallerNumber = caller, Calls = 3 }, TestContext.Current.CancellationToken);
            using (var log = new CallLog(endpoints.RootElement))
            {
                await log.WaitForCallAsync(caller, call => call["status"]!.GetValue<string>() == "ANSWERED", TimeSpan.FromSeconds(60), "ANSWERED");
            }

            var stack = host.Stack();
            Assert.Contains(stack, process => process.Command == "sipp");

            Assert.Equal(0, await host.StopAsync(UnixSignals.SigInt, StopTimeout));

            var left = await StackProcesses.WaitUntilGoneAsync(stack, CleanUpTimeout);
            Assert.True(left.Count == 0, $"Left running after Ctrl+C during calls: {string.Join("; ", left)}");
            Assert.False(File.Exists(host.EndpointsFile), "endpoints.json is removed at stop");
            await calls;
        }
        finally
        {
            TestInstallation.Remove(data);
        }
    }

    private static async Task<IReadOnlyList<ProcessIdentity>> WaitForStackProcessAsync(AppHostProcess host, string command)
    {
        for (var waited = TimeSpan.Zero; waited < StartTimeout; waited += TimeSpan.FromMilliseconds(200))
        {
            var stack = host.Stack();
            if (stack.Any(process => process.Command == command))
            {
                return stack;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"No {command} process in the stack within {StartTimeout.TotalMinutes:0} min. Output:\n{host.Tail()}");
        return [];
    }
}
