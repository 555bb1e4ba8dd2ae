using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>
/// A request that passed validation. <see cref="Sequence"/> is unique within a run, even across redeliveries;
/// <see cref="ReceivedAt"/> is the Stopwatch timestamp of its arrival, for end-to-end latency.
/// </summary>
internal sealed record ValidatedRequest(long Sequence, PredictionRequest Request, string RawPayload, long ReceivedAt);
