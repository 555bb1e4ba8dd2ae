using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// Where a step's time went, from the service's own stage histograms over the step: how many batches each stage
/// ran, their mean size, and the mean duration of one feature read, one write and one publish.
/// </summary>
public sealed record LoadStageMeans
{
    [JsonPropertyName("feature_loads")] public required double FeatureLoads { get; init; }
    [JsonPropertyName("feature_batch_mean")] public required double FeatureBatchMean { get; init; }
    [JsonPropertyName("feature_load_ms_mean")] public required double FeatureLoadMsMean { get; init; }
    [JsonPropertyName("writes")] public required double Writes { get; init; }
    [JsonPropertyName("write_batch_mean")] public required double WriteBatchMean { get; init; }
    [JsonPropertyName("write_ms_mean")] public required double WriteMsMean { get; init; }
    [JsonPropertyName("publish_ms_mean")] public required double PublishMsMean { get; init; }

    public static LoadStageMeans Between(MetricsSnapshot before, MetricsSnapshot after)
    {
        static double Round(double value) => double.IsNaN(value) ? 0 : Math.Round(value, 1);
        return new LoadStageMeans
        {
            FeatureLoads = after.CountSince(before, "stream_feature_load_duration_seconds"),
            FeatureBatchMean = Round(after.MeanSince(before, "stream_batch_size{stage=\"feature_load\"}")),
            FeatureLoadMsMean = Round(after.MeanSince(before, "stream_feature_load_duration_seconds") * 1000),
            Writes = after.CountSince(before, "stream_write_duration_seconds"),
            WriteBatchMean = Round(after.MeanSince(before, "stream_batch_size{stage=\"write\"}")),
            WriteMsMean = Round(after.MeanSince(before, "stream_write_duration_seconds") * 1000),
            PublishMsMean = Round(after.MeanSince(before, "stream_publish_duration_seconds") * 1000),
        };
    }

    public override string ToString() =>
        $"{FeatureLoads:N0} feature reads of {FeatureBatchMean:N1} ({FeatureLoadMsMean:N1} ms), {Writes:N0} writes of {WriteBatchMean:N1} ({WriteMsMean:N1} ms), publish {PublishMsMean:N1} ms";
}
