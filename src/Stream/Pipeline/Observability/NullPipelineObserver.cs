namespace StreamProcessor.Stream.Pipeline.Observability;

/// <summary>Reports nowhere (batch commands that print their own summary).</summary>
public sealed class NullPipelineObserver : IPipelineObserver
{
    public static NullPipelineObserver Instance { get; } = new();
}
