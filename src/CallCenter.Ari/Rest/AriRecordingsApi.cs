using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriRecordingsApi
{
    private readonly AriHttp _http;

    internal AriRecordingsApi(AriHttp http) => _http = http;

    public async Task<IReadOnlyList<AriStoredRecording>> ListStoredAsync(CancellationToken cancellationToken = default) =>
        await _http.GetAsync("recordings/stored", AriQuery.For("recordings/stored"), AriJsonContext.Default.ListAriStoredRecording, cancellationToken);

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

    public Task<AriLiveRecording> GetLiveAsync(string recordingName, CancellationToken cancellationToken = default) =>
        _http.GetAsync("recordings/live/{recordingName}", Live(recordingName), AriJsonContext.Default.AriLiveRecording, cancellationToken);

    /// <summary>Stops a live recording and stores it.</summary>
    public Task StopLiveAsync(string recordingName, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "recordings/live/{recordingName}/stop", Live(recordingName, "/stop"), cancellationToken);

    private static AriQuery Stored(string recordingName, string suffix = "") =>
        AriQuery.For($"recordings/stored/{AriQuery.Segment(recordingName)}{suffix}");

    private static AriQuery Live(string recordingName, string suffix = "") =>
        AriQuery.For($"recordings/live/{AriQuery.Segment(recordingName)}{suffix}");
}
