namespace CallCenter.Ari.Rest;

public enum AriRecordingIfExists
{
    Fail,
    Overwrite,
    Append,
}
