namespace CallCenter.Ari.Rest;

public enum AriSnoopDirection
{
    None,
    Both,
    In,
    Out,
}
