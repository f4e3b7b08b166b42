using System.Globalization;
using System.Text;

namespace CallCenter.Ari.Rest;

/// <summary>Builds a relative ARI path with an escaped query string, skipping parameters that were not given.</summary>
internal sealed class AriQuery
{
    private readonly StringBuilder _builder;
    private bool _hasQuery;

    private AriQuery(string path) => _builder = new StringBuilder(path);

    public static AriQuery For(string path) => new(path);

    public static string Segment(string value) => Uri.EscapeDataString(value);

    public AriQuery Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_hasQuery ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    public AriQuery Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public AriQuery Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public override string ToString() => _builder.ToString();
}
