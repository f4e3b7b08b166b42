using System.Net.Http.Headers;
using Azure;
using Microsoft.AspNetCore.Authentication;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CallCenter.Api.Calls;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Recordings;

/// <summary>
/// GET /recordings/{id}: streams a recording from blob storage with single-range HTTP Range support. Allowed with a
/// valid signed link, or with a bearer token whose user may see the call.
/// </summary>
public static class RecordingDownloadEndpoint
{
    public static async Task HandleAsync(
        HttpContext context,
        Guid id,
        IDbContextFactory<CallCenterDbContext> dbFactory,
        RecordingLinks links,
        BlobServiceClient blobs,
        IOptions<RecordingAccessOptions> options)
    {
        var cancellationToken = context.RequestAborted;
        var signed = context.Request.Query.ContainsKey("sig");
        if (signed && !links.IsValid(id, context.Request.Query["expires"], context.Request.Query["sig"]))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!signed && context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recording = await db.Recordings.AsNoTracking().Include(r => r.Call).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recording is null || (!signed && (recording.Call is null || !context.User.CanSee(recording.Call))))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!RecordingLinks.IsAvailable(recording))
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            await context.Response.WriteAsync("The recording is not in storage yet.", cancellationToken);
            return;
        }

        var blob = blobs.GetBlobContainerClient(recording.ContainerName ?? options.Value.ContainerName).GetBlobClient(recording.BlobName);
        BlobProperties properties;
        try
        {
            properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status404NotFound)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var length = properties.ContentLength;
        var response = context.Response;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = properties.ETag.ToString("H");
        response.Headers.CacheControl = "private, max-age=300";
        response.ContentType = recording.ContentType ?? properties.ContentType ?? "audio/wav";

        var (offset, count, partial) = (0L, length, false);
        if (context.Request.Headers.Range is { Count: > 0 } rangeHeader)
        {
            if (!TryParseRange(rangeHeader.ToString(), length, out offset, out count))
            {
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = $"bytes */{length}";
                return;
            }

            partial = true;
        }

        response.StatusCode = partial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        response.ContentLength = count;
        if (partial)
        {
            response.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + count - 1, length).ToString();
        }

        if (HttpMethods.IsHead(context.Request.Method) || count == 0)
        {
            return;
        }

        var download = await blob.DownloadStreamingAsync(
            new BlobDownloadOptions { Range = new HttpRange(offset, count), Conditions = new BlobRequestConditions { IfMatch = properties.ETag } },
            cancellationToken);
        await using var content = download.Value.Content;
        await content.CopyToAsync(response.Body, cancellationToken);
    }

    /// <summary>One "bytes=" range (first-last, first-, or -suffix); several ranges are not supported and read as unsatisfiable.</summary>
    internal static bool TryParseRange(string header, long length, out long offset, out long count)
    {
        offset = 0;
        count = 0;
        if (!RangeHeaderValue.TryParse(header, out var parsed)
            || !string.Equals(parsed.Unit, "bytes", StringComparison.OrdinalIgnoreCase)
            || parsed.Ranges.Count != 1
            || length == 0)
        {
            return false;
        }

        var range = parsed.Ranges.First();
        if (range.From is { } from)
        {
            if (from >= length)
            {
                return false;
            }

            var to = Math.Min(range.To ?? length - 1, length - 1);
            if (to < from)
            {
                return false;
            }

            offset = from;
            count = to - from + 1;
            return true;
        }

        if (range.To is { } suffix && suffix > 0)
        {
            count = Math.Min(suffix, length);
            offset = length - count;
            return true;
        }

        return false;
    }
}
