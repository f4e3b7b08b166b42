using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>Small helpers for GraphQL over HTTP in tests.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static HttpRequestMessage Post(string query, object? variables = null, string? token = null, string accept = GraphQLResponse, string? operationName = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public static async Task<JsonObject> QueryAsync(this HttpClient http, string query, object? variables, string token)
    {
        using var response = await http.SendAsync(Post(query, variables, token), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return json;
    }

    /// <summary>Runs a query that must succeed without errors and returns its data.</summary>
    public static async Task<JsonObject> DataAsync(this HttpClient http, string query, object? variables, string token)
    {
        var json = await http.QueryAsync(query, variables, token);
        Assert.True(json["errors"] is null, json.ToJsonString());
        return json["data"]!.AsObject();
    }

    public static string? ErrorCode(this JsonObject response) => response["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
