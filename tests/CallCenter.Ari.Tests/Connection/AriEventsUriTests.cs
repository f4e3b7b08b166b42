using CallCenter.Ari.Connection;

namespace CallCenter.Ari.Tests.Connection;

public sealed class AriEventsUriTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8088/ari/", "ws://127.0.0.1:8088/ari/events?app=call-center&subscribeAll=true")]
    [InlineData("http://127.0.0.1:8088/ari", "ws://127.0.0.1:8088/ari/events?app=call-center&subscribeAll=true")]
    [InlineData("https://pbx.example:8089/ari/", "wss://pbx.example:8089/ari/events?app=call-center&subscribeAll=true")]
    public void Builds_the_events_url_from_the_rest_base(string baseUrl, string expected)
    {
        var uri = AriEventsUri.Build(new AriOptions { BaseUrl = new Uri(baseUrl), Application = "call-center", Username = "u", Password = "p" });

        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Fact]
    public void Api_key_mode_puts_escaped_credentials_in_the_query_and_redaction_removes_them()
    {
        var options = new AriOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:8088/ari/"),
            Application = "call center",
            SubscribeAll = false,
            Username = "asterisk",
            Password = "p@ss&word=1",
            UseApiKeyQueryForEvents = true,
        };

        var uri = AriEventsUri.Build(options);
        var redacted = AriEventsUri.Redact(uri);

        Assert.Contains("api_key=asterisk:p%40ss%26word%3D1", uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("ws://127.0.0.1:8088/ari/events?app=call%20center&subscribeAll=false&api_key=***", redacted);
        Assert.DoesNotContain("p%40ss", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ws://h/ari/events?api_key=a:b&app=x", "ws://h/ari/events?api_key=***&app=x")]
    [InlineData("ws://h/ari/events?app=x&API_KEY=a:b", "ws://h/ari/events?app=x&API_KEY=***")]
    [InlineData("ws://h/ari/events?app=x", "ws://h/ari/events?app=x")]
    public void Redact_only_touches_the_api_key_value(string url, string expected)
    {
        Assert.Equal(expected, AriEventsUri.Redact(url));
    }
}
