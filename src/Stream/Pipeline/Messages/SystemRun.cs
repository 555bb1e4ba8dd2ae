using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>One system's result for one request, whether its failure opened the system's breaker, and how long it took.</summary>
internal sealed record SystemRun(SystemResult Result, bool TrippedBreaker, TimeSpan Duration);
