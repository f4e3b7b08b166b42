namespace CallCenter.Ari.Tests.Fakes;

internal sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? Authorization);
