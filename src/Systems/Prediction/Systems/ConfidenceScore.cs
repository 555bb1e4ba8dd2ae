namespace StreamProcessor.Systems.Prediction.Systems;

internal static class ConfidenceScore
{
    /// <summary>Every system's confidence goes through here so none can leave the 0-100 scale (NaN counts as no confidence).</summary>
    public static double Clamp(double confidence) => double.IsNaN(confidence) ? 0 : Math.Clamp(confidence, 0, 100);
}
