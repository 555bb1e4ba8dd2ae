using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>Every system's result for one request (base systems first, then combining ones).</summary>
internal sealed record RequestOutcome(PendingRequest Request, IReadOnlyList<SystemResult> Results);
