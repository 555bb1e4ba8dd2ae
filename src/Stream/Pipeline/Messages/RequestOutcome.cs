namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>Every system's run for one request (base systems first, then combining ones).</summary>
internal sealed record RequestOutcome(PendingRequest Request, IReadOnlyList<SystemRun> Runs);
