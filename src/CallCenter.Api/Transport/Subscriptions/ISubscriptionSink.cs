namespace CallCenter.Api.Transport.Subscriptions;

/// <summary>One subscriber of a shared subscription stream (a graphql-transport-ws operation).</summary>
internal interface ISubscriptionSink
{
    /// <summary>One execution result, already serialized to JSON (the same bytes for every subscriber).</summary>
    void OnNext(byte[] payload);

    void OnError();

    /// <summary>The stream could not keep up with the changes it must deliver; the subscriber must not miss them silently.</summary>
    void OnFellBehind();

    void OnCompleted();
}
