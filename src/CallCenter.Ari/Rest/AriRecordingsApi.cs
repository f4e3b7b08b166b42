using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriRecordingsApi
{
    private readonly AriHttp _http;

    internal AriRecordingsApi(AriHttp http) => _http = http;

    public Task<AriStoredRecording> GetStoredAsync(string recordingName, CancellationToken cancellationToken = default) =>
        _http.GetAsync("recordings/stored/{recordingName}", Stored(recordingName), AriJsonContext.Default.AriStoredRecording, cancellationToken);

    /// <summary>
    /// Streams the stored recording's audio without buffering it; the caller must dispose the stream,
    /// which also releases the HTTP response.
    /// </summary>
    public async Task<Stream> OpenStoredFileAsync(string recordingName, CancellationToken cancellationToken = default)
    {
        var response = await _http.SendStreamingAsync(HttpMethod.Get, "recordings/stored/{recordingName}/file", Stored(recordingName, "/file"), cancellationToken);
        try
        {
            var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new ResponseOwningStream(content, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public Task DeleteStoredAsync(string recordingName, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "recordings/stored/{recordingName}", Stored(recordingName), cancellationToken);

    private static AriQuery Stored(string recordingName, string suffix = "") =>
        AriQuery.For($"recordings/stored/{AriQuery.Segment(recordingName)}{suffix}");

}
