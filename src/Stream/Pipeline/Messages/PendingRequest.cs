using StreamProcessor.Sinks.Features;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>
/// A validated request with its features loaded (and how long its batch's load took), ready for the systems, and the
/// version of the trained models its prop will be predicted with.
/// </summary>
internal sealed record PendingRequest(ValidatedRequest Validated, FeatureRecord Features, TimeSpan DataLoad, string? ModelVersion = null)
{
    public long Sequence => Validated.Sequence;
}
