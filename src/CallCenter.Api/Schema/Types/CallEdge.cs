using CallCenter.Data;

namespace CallCenter.Api.Schema.Types;

public sealed record CallEdge(string Cursor, Call Node);
