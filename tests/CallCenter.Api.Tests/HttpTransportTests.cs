using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>GraphQL over HTTP: media types, status codes, methods and the CSRF guard, as the specification prescribes.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpTransportTests(ApiFixture fixture)
{
    private const string Ok = "{ agents { extension } }";
    private HttpClient Http => fixture.Http;
    private string Token => fixture.Tokens.Supervisor();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_with_graphql_response_accept_answers_in_that_media_type()
    {
        using var response = await Http.SendAsync(GraphQLHttp.Post(Ok, token: Token), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(3, body["data"]!["agents"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    public async Task Accept_header_selects_the_response_media_type(string accept, string expected)
    {
        using var response = await Http.SendAsync(GraphQLHttp.Post(Ok, token: Token, accept: accept), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Missing_accept_header_is_treated_as_application_json()
    {
        using var request = GraphQLHttp.Post(Ok, token: Token);
        request.Headers.Accept.Clear();
        using var response = await Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unsupported_accept_is_406()
    {
        using var response = await Http.SendAsync(GraphQLHttp.Post(Ok, token: Token, accept: "text/csv"), Cancel);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("{ agents { extension ", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("{ agents { extension ", "application/json", HttpStatusCode.OK)]
    [InlineData("{ agents { noSuchField } }", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("{ agents { noSuchField } }", "application/json", HttpStatusCode.OK)]
    public async Task Parse_and_validation_errors_follow_the_media_type_rules(string query, string accept, HttpStatusCode expected)
    {
        using var response = await Http.SendAsync(GraphQLHttp.Post(query, token: Token, accept: accept), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(expected, response.StatusCode);
        Assert.False(body.ContainsKey("data"), "a request error has no data entry");
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task Wrong_variable_type_is_a_request_error()
    {
        using var response = await Http.SendAsync(
            GraphQLHttp.Post("query($id: ID!) { call(id: $id) { id } }", new { id = new[] { 1, 2 } }, Token), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.ContainsKey("data"));
    }

    [Fact]
    public async Task Unknown_operation_name_is_a_request_error()
    {
        using var response = await Http.SendAsync(
            GraphQLHttp.Post("query A { agents { id } } query B { liveCalls { id } }", token: Token, operationName: "C"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Field_errors_keep_status_200_with_data_present()
    {
        using var response = await Http.SendAsync(GraphQLHttp.Post(
            "mutation { hangupCall(callId: \"00000000-0000-0000-0000-000000000001\") { id } }", token: Token), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.ContainsKey("data"));
        Assert.Equal("NOT_FOUND", body.ErrorCode());
    }

    [Theory]
    [InlineData("{\"query\": ", "application/graphql-response+json")]
    [InlineData("{\"query\": ", "application/json")]
    [InlineData("[{\"query\": \"{ agents { id } }\"}]", "application/json")]
    [InlineData("{\"variables\": {}}", "application/json")]
    [InlineData("{\"query\": \"{ agents { id } }\", \"variables\": [1]}", "application/json")]
    public async Task Malformed_bodies_are_400_with_an_error(string body, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await Http.SendAsync(request, Cancel);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(json["errors"]!.AsArray());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Post_with_a_simple_content_type_is_refused(string contentType)
    {
        // What a cross-site HTML form (or a no-preflight fetch) can send: it must never execute.
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent("""{"query":"mutation { deleteAgent(id: \"00000000-0000-0000-0000-000000000001\") }"}"""),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Tokens.Admin());
        using var response = await Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Get_without_a_preflight_header_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString(Ok));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("GraphQL-Require-Preflight", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_query_with_a_preflight_header_runs()
    {
        using var request = Get("query($active: Boolean) { agents(activeOnly: $active) { extension } }", """{"active":true}""");
        using var response = await Http.SendAsync(request, Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body["data"]!["agents"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_mutation_is_405_with_allow_post()
    {
        using var response = await Http.SendAsync(Get("mutation { deleteAgent(id: \"00000000-0000-0000-0000-000000000001\") }"), Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Get_with_malformed_variables_is_400()
    {
        using var response = await Http.SendAsync(Get(Ok, "{not json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Oversized_body_is_413_and_the_server_keeps_serving()
    {
        var huge = "{ agents { id } }" + new string(' ', 70_000);
        using (var response = await Http.SendAsync(GraphQLHttp.Post(huge, token: Token), Cancel))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        using var next = await Http.SendAsync(GraphQLHttp.Post(Ok, token: Token), Cancel);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Oversized_chunked_body_without_content_length_is_413()
    {
        var payload = Encoding.UTF8.GetBytes("{\"query\":\"{ agents { id } }\",\"extensions\":{\"pad\":\"" + new string('x', 70_000) + "\"}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StreamContent(new MemoryStream(payload)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ide_page_is_served_to_browsers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var response = await Http.SendAsync(request, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>CallCenter GraphiQL</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private HttpRequestMessage Get(string query, string? variables = null)
    {
        var uri = "graphql?query=" + Uri.EscapeDataString(query) + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(variables));
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("GraphQL-Require-Preflight", "1");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }
}
