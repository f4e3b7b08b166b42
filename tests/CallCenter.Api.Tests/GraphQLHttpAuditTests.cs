using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>
/// The GraphQL-over-HTTP audit of the npm graphql-http package: every MUST and SHOULD passes, and the MAYs that fail
/// are exactly the ones refused on purpose (src/CallCenter.Api/README.md says why), so any regression fails this test.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLHttpAuditTests(ApiFixture fixture)
{
    // The audit's GET requests carry no CSRF preflight header, so the API refuses them (400) on purpose.
    private static readonly string[] RefusedOnPurpose =
    [
        "MAY accept application/x-www-form-urlencoded formatted GET requests",
        "MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json",
        "MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json",
    ];

    [Fact]
    public async Task Every_must_and_should_passes_and_only_the_documented_mays_fail()
    {
        var results = await NodeScript.RunAsync("graphql-http-audit.cjs", [new Uri(fixture.Api.BaseAddress, "graphql").AbsoluteUri, fixture.Tokens.Supervisor()], TimeSpan.FromMinutes(2));
        var failed = results.Where(r => r["status"]!.GetValue<string>() != "ok")
            .Select(r => $"{r["name"]!.GetValue<string>()} ({r["status"]}: {r["reason"]})").ToList();
        foreach (var result in results)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{result["status"]} {result["name"]}");
        }

        Assert.Contains(results, r => r["name"]!.GetValue<string>().StartsWith("MUST ", StringComparison.Ordinal));
        Assert.DoesNotContain(failed, f => f.StartsWith("MUST ", StringComparison.Ordinal) || f.StartsWith("SHOULD ", StringComparison.Ordinal));
        Assert.Equal(RefusedOnPurpose.Order(StringComparer.Ordinal), failed.Select(f => f[..f.IndexOf(" (", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }
}
