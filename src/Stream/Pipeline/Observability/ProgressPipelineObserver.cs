using StreamProcessor.Stream.Cli.Progress;

namespace StreamProcessor.Stream.Pipeline.Observability;

/// <summary>Advances a command's progress by one for every request the pipeline finishes (written or dead-lettered).</summary>
public sealed class ProgressPipelineObserver(ProgressReporter progress) : IPipelineObserver
{
    public void RequestCompleted(TimeSpan endToEnd, int predictionsWritten, IReadOnlyList<string> systemsSucceeded) => progress.Advance();

    public void RequestDeadLettered(string reasonCode) => progress.Advance();
}
