using Polly;
using Polly.Retry;
using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Stream.Resilience.Retry;

/// <summary>The retry pipeline every write and publish goes through; only transient errors are retried.</summary>
public static class SinkRetry
{
    public static readonly ResiliencePropertyKey<string> Operation = new("stream.operation");

    public static ResiliencePipeline Create(RetryOptions options, IPipelineObserver observer, TimeProvider? clock = null)
    {
        if (options.MaxAttempts <= 1) return ResiliencePipeline.Empty;
        var builder = new ResiliencePipelineBuilder();
        if (clock is not null) builder.TimeProvider = clock;
        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(options.BaseDelayMs),
            UseJitter = options.UseJitter,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientErrors.IsTransient),
            OnRetry = args =>
            {
                var operation = args.Context.Properties.GetValue(Operation, "write");
                observer.Retrying(operation, args.AttemptNumber + 1, args.Outcome.Exception!);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>Runs <paramref name="action"/> through <paramref name="pipeline"/>, labelled for metrics.</summary>
    public static async Task ExecuteAsync(this ResiliencePipeline pipeline, string operation, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Operation, operation);
        try
        {
            await pipeline.ExecuteAsync(async ctx => await action(ctx.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
