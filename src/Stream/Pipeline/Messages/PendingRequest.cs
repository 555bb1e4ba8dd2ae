using StreamProcessor.Sinks.Features;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>A validated request with its features loaded, ready for the systems.</summary>
internal sealed record PendingRequest(ValidatedRequest Validated, FeatureRecord Features)
{
    public long Sequence => Validated.Sequence;
}
