using Polly;
using Polly.Retry;
using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Stream.Resilience.Retry;

/// <summary>The retry pipeline every write, publish and read (features, the execution-log lookup, breaker state) goes through; only transient errors are retried.</summary>
public static class SinkRetry
{
    private static readonly ResiliencePropertyKey<string> Operation = new("stream.operation");
    private static readonly ResiliencePropertyKey<IPipelineObserver> Observer = new("stream.observer");

    public static ResiliencePipeline Create(RetryOptions options, TimeProvider? clock = null)
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
                var observer = args.Context.Properties.GetValue(Observer, NullPipelineObserver.Instance);
                observer.Retrying(operation, args.AttemptNumber + 1, args.Outcome.Exception!);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>Runs <paramref name="action"/> through <paramref name="pipeline"/>; retries are reported to <paramref name="observer"/> under <paramref name="operation"/>.</summary>
    public static async Task ExecuteAsync(this ResiliencePipeline pipeline, string operation, IPipelineObserver observer,
        Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Operation, operation);
        context.Properties.Set(Observer, observer);
        try
        {
            await pipeline.ExecuteAsync(async ctx => await action(ctx.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A read through <paramref name="pipeline"/>: like <see cref="ExecuteAsync"/>, returning what <paramref name="read"/> returns.</summary>
    public static async Task<T> ExecuteAsync<T>(this ResiliencePipeline pipeline, string operation, IPipelineObserver observer,
        Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Operation, operation);
        context.Properties.Set(Observer, observer);
        try
        {
            return await pipeline.ExecuteAsync(async ctx => await read(ctx.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A synchronous call through <paramref name="pipeline"/> (the breaker-state store's interface is synchronous).</summary>
    public static T Execute<T>(this ResiliencePipeline pipeline, string operation, IPipelineObserver observer, Func<T> call)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(Operation, operation);
        context.Properties.Set(Observer, observer);
        try
        {
            return pipeline.Execute(_ => call(), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
