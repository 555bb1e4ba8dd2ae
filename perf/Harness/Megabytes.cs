namespace StreamProcessor.Perf.Harness;

/// <summary>Bytes as the harness and the load generator report them: MB of 1,048,576 bytes.</summary>
internal static class Megabytes
{
    private const double Bytes = 1024.0 * 1024.0;

    public static double Of(double bytes) => bytes / Bytes;

    /// <summary>To one decimal, as every figure in the JSON.</summary>
    public static double Rounded(double bytes) => Math.Round(bytes / Bytes, 1);
}
