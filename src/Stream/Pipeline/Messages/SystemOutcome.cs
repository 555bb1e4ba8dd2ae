namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>One base system's run for one request, on its way to the join.</summary>
internal sealed record SystemOutcome(PendingRequest Request, SystemRun Run);
