using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallCenter.Ari.Internal;

namespace CallCenter.Ari.Rest;

/// <summary>Sends ARI requests, traces them and maps error statuses to <see cref="AriException"/>.</summary>
internal sealed class AriHttp(HttpClient httpClient)
{
    private const int MaxErrorBodyChars = 4096;

    public async Task<T> GetAsync<T>(string operation, AriQuery path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, operation, path, content: null, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ReadAsync(response, typeInfo, operation, cancellationToken);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string operation, AriQuery path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, HttpContent? content = null)
    {
        using var response = await SendAsync(method, operation, path, content, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ReadAsync(response, typeInfo, operation, cancellationToken);
    }

    public async Task SendAsync(HttpMethod method, string operation, AriQuery path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, operation, path, content: null, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>Returns the response with only headers read; the caller owns it.</summary>
    public Task<HttpResponseMessage> SendStreamingAsync(HttpMethod method, string operation, AriQuery path, CancellationToken cancellationToken) =>
        SendAsync(method, operation, path, content: null, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public static HttpContent Json<T>(T body, JsonTypeInfo<T> typeInfo) => JsonContent.Create(body, typeInfo);

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string operation, AriQuery path, HttpContent? content, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var operationName = $"{method.Method} {operation}";
        using var activity = AriTelemetry.ActivitySource.StartActivity($"ARI {operationName}", ActivityKind.Client);
        activity?.SetTag("ari.operation", operationName);

        using var request = new HttpRequestMessage(method, path.ToString()) { Content = content };
        var response = await httpClient.SendAsync(request, completion, cancellationToken);
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            var message = await ReadErrorMessageAsync(response, cancellationToken);
            throw AriException.Create(response.StatusCode, message, operationName);
        }
    }

    private static async Task<string> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var fallback = $"ARI returned {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return fallback;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, AriJsonContext.Default.AriErrorBody);
            if (!string.IsNullOrEmpty(error?.Message))
            {
                return error.Message;
            }
        }
        catch (JsonException)
        {
            // Not ARI's JSON error shape (e.g. a proxy's HTML page): report the text itself.
        }

        return body.Length <= MaxErrorBodyChars ? body : body[..MaxErrorBodyChars];
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken);
        return value ?? throw new AriException(response.StatusCode, $"ARI returned an empty body for {operation}.", operation);
    }
}
