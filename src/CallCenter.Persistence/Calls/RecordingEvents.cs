using CallCenter.Ari.Events;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>ARI recordings of the call: a finished one names the stored recording to upload.</summary>
internal static class RecordingEvents
{
    public static void Apply(RecordingStarted e, EventDetails details) =>
        details.Add("recording", e.Recording.Name);

    public static void Apply(Call call, RecordingFinished e, EventDetails details)
    {
        if (e.Recording.Name.Length > 0)
        {
            call.RecordingName ??= ColumnText.Truncate(e.Recording.Name, 512);
        }

        details.Add("recording", e.Recording.Name);
        details.Add("duration", e.Recording.DurationSeconds);
    }

    public static void Apply(RecordingFailed e, EventDetails details)
    {
        details.Add("recording", e.Recording.Name);
        details.Add("cause", e.Recording.Cause);
    }
}
