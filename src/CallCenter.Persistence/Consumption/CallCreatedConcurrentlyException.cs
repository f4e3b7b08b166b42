namespace CallCenter.Persistence.Consumption;

/// <summary>Calls this batch saw first were inserted by another transaction meanwhile: the batch is retried at once.</summary>
internal sealed class CallCreatedConcurrentlyException(int count)
    : Exception($"{count} new calls of the batch were created concurrently by another worker; retrying the batch.");
