using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>One base system's result for one request.</summary>
internal sealed record SystemOutcome(PendingRequest Request, SystemResult Result);
