namespace CallCenter.Testing.Measurement;

/// <summary>Percentiles of measured values.</summary>
public static class Quantile
{
    /// <summary>The <paramref name="fraction"/> quantile (nearest rank) of <paramref name="values"/>; NaN when there are none.</summary>
    public static double Of(IReadOnlyList<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
