using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Npgsql;

namespace CallCenter.Testing.Pbx;

/// <summary>
/// Compares the call log, blob storage, Asterisk's spool and a subscriber's view with the calls sipp placed: each placed
/// call in the log exactly once, COMPLETED and answered by the agent, its one recording uploaded and verified, the spool
/// empty, and the subscriber holding every call's final version.
/// </summary>
public static class NoLossCheck
{
    private const int Examples = 5;

    public static async Task<NoLossReport> RunAsync(
        CallCenterStack stack, string callerPrefix, SippCallResult sipp, CallUpdatesSubscriber? subscriber, CancellationToken cancellationToken = default)
    {
        var calls = await ReadCallsAsync(stack.Database, cancellationToken).ConfigureAwait(false);
        var blobs = await ReadBlobsAsync(stack, cancellationToken).ConfigureAwait(false);
        var seen = subscriber?.Latest ?? new Dictionary<Guid, (long, string)>();
        var problems = new Dictionary<string, List<string>>();
        void Problem(string kind, string example)
        {
            if (!problems.TryGetValue(kind, out var list))
            {
                problems[kind] = list = [];
            }

            list.Add(example);
        }

        var byCaller = calls.ToLookup(call => call.CallerNumber ?? "");
        var placed = Enumerable.Range(1, sipp.Requested).Select(n => MainLineLoad.CallerNumber(callerPrefix, n)).ToHashSet();
        int loggedOnce = 0, missing = 0, duplicated = 0, wrong = 0, verified = 0, sawFinal = 0;
        foreach (var caller in placed)
        {
            var rows = byCaller[caller].ToList();
            if (rows.Count != 1)
            {
                (rows.Count == 0 ? ref missing : ref duplicated)++;
                Problem(rows.Count == 0 ? "missing from the log" : "logged more than once", caller);
                continue;
            }

            loggedOnce++;
            var call = rows[0];
            if (call is not { Status: "completed", Direction: "inbound", DialedNumber: MainLineLoad.MainLine, AgentExtension: MainLineLoad.Agent })
            {
                wrong++;
                Problem("wrong outcome", $"{caller}: {call.Status} {call.Direction} to {call.DialedNumber} answered by {call.AgentExtension ?? "nobody"}");
            }

            if (call.Recordings is [{ Status: "completed" } recording]
                && blobs.TryGetValue(recording.BlobName ?? "", out var blob) && blob.Size == recording.SizeBytes && blob.Sha256 == recording.Sha256)
            {
                verified++;
            }
            else
            {
                Problem("recording not uploaded and verified", $"{caller}: {string.Join(", ", call.Recordings.Select(r => $"{r.Status} {r.BlobName}"))}");
            }

            if (subscriber is not null)
            {
                if (seen.TryGetValue(call.Id, out var latest) && latest.Version == call.Version && string.Equals(latest.Status, call.Status, StringComparison.OrdinalIgnoreCase))
                {
                    sawFinal++;
                }
                else
                {
                    Problem("final state not seen by the subscriber", $"{caller}: log v{call.Version} {call.Status}, subscriber {(seen.TryGetValue(call.Id, out var s) ? $"v{s.Version} {s.Status}" : "nothing")}");
                }
            }
        }

        var unexpected = calls.Where(call => !placed.Contains(call.CallerNumber ?? "")).ToList();
        foreach (var call in unexpected)
        {
            Problem("not a placed call", $"{call.CallerNumber} {call.Status}");
        }

        var spool = stack.Asterisk.ListRecordings();
        foreach (var file in spool)
        {
            Problem("left in Asterisk's spool", file);
        }

        if (sipp.Failed > 0 || sipp.Successful != sipp.Requested)
        {
            Problem("sipp", $"{sipp.Successful}/{sipp.Requested} calls successful, {sipp.Failed} failed (exit {sipp.ExitCode})");
        }

        if (subscriber is not null && (subscriber.Ended is not null || subscriber.OutOfOrder > 0))
        {
            Problem("subscription", $"ended: {subscriber.Ended ?? "no"}; versions out of order or repeated: {subscriber.OutOfOrder}");
        }

        return new NoLossReport
        {
            Placed = sipp.Requested,
            SippSuccessful = sipp.Successful,
            SippFailed = sipp.Failed,
            LoggedOnce = loggedOnce,
            Missing = missing,
            Duplicated = duplicated,
            WrongOutcome = wrong,
            Unexpected = unexpected.Count,
            RecordingsVerified = verified,
            RecordingsExpected = placed.Count,
            SpoolFilesLeft = spool.Count,
            SubscriberSawFinal = sawFinal,
            SubscriberOutOfOrder = subscriber?.OutOfOrder ?? 0,
            SubscriberEnded = subscriber?.Ended,
            Problems = [.. problems.Select(p => $"{p.Key} ({p.Value.Count}): {string.Join("; ", p.Value.Take(Examples))}")],
        };
    }

    private sealed record LoggedCall(Guid Id, string? CallerNumber, string Status, string Direction, string? DialedNumber, string? AgentExtension, long Version)
    {
        public List<LoggedRecording> Recordings { get; } = [];
    }

    private sealed record LoggedRecording(string Status, string? BlobName, long? SizeBytes, string? Sha256);

    private static async Task<List<LoggedCall>> ReadCallsAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var calls = new Dictionary<Guid, LoggedCall>();
        await using (var command = new NpgsqlCommand("SELECT id, caller_number, status, direction, dialed_number, agent_extension, version FROM calls", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var call = new LoggedCall(
                    reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6));
                calls[call.Id] = call;
            }
        }

        await using (var command = new NpgsqlCommand("SELECT call_id, status, blob_name, size_bytes, sha256 FROM recordings", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (calls.TryGetValue(reader.GetGuid(0), out var call))
                {
                    call.Recordings.Add(new LoggedRecording(
                        reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
                }
            }
        }

        return [.. calls.Values];
    }

    // The worker stores each recording with its SHA-256 in the blob's metadata; a listing returns size and metadata at once.
    private static async Task<Dictionary<string, (long Size, string? Sha256)>> ReadBlobsAsync(CallCenterStack stack, CancellationToken cancellationToken)
    {
        var container = new BlobServiceClient(stack.Azurite.ConnectionString).GetBlobContainerClient("recordings");
        var blobs = new Dictionary<string, (long, string?)>();
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return blobs;
        }

        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            blobs[blob.Name] = (blob.Properties.ContentLength ?? -1, blob.Metadata.TryGetValue("sha256", out var sha) ? sha : null);
        }

        return blobs;
    }
}
