namespace CallCenter.Ari.Tests.Fakes;

internal sealed record FakeRestResponse(int StatusCode, string Body, string ContentType = "application/json");
