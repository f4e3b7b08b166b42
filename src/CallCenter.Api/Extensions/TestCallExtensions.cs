using CallCenter.Api.TestCalls;

namespace CallCenter.Api.Extensions;

internal static class TestCallExtensions
{
    /// <summary>The supervisors' test call (simulateIncomingCall) and the origination into the PBX's inbound route.</summary>
    public static IHostApplicationBuilder AddTestCalls(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TestCallOptions>()
            .Bind(builder.Configuration.GetSection(TestCallOptions.SectionName))
            .Validate(o => IsDialplanName(o.InboundContext) && IsDialplanName(o.CallerContext) && IsDialplanName(o.CallerExtension),
                "TestCalls:InboundContext, :CallerContext and :CallerExtension must be dialplan names (letters, digits, - and _).")
            .Validate(o => TestCallService.IsDialable(o.MainLine), "TestCalls:MainLine must be a number (digits, optionally a leading +).")
            .Validate(o => o.RingTimeout >= TimeSpan.FromSeconds(1) && o.RingTimeout <= TimeSpan.FromMinutes(10),
                "TestCalls:RingTimeout must be between 1 second and 10 minutes.")
            .ValidateOnStart();
        // Scoped like CallControlService: both hold the typed ARI HttpClient.
        builder.Services.AddScoped<InboundCallOriginator>();
        builder.Services.AddScoped<TestCallService>();
        return builder;
    }

    private static bool IsDialplanName(string value) =>
        value.Length is > 0 and <= 80 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
