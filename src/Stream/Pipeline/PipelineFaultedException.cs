namespace StreamProcessor.Stream.Pipeline;

/// <summary>A block of the pipeline failed (typically a sink); the run stopped and unwritten requests stay unacknowledged.</summary>
public sealed class PipelineFaultedException(string message, Exception inner) : Exception($"pipeline stopped: {message}", inner);
