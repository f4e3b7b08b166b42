namespace CallCenter.Ari.Rest;

/// <summary>Treat "already gone" (404) as an expected outcome instead of an exception.</summary>
public static class AriGoneExtensions
{
    /// <summary>Returns false when the resource was gone (404); other errors still throw.</summary>
    public static async Task<bool> ExceptWhenGoneAsync(this Task call)
    {
        try
        {
            await call;
            return true;
        }
        catch (AriNotFoundException)
        {
            return false;
        }
    }

}
