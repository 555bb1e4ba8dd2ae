using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using StreamProcessor.Google.PubSub.Connection;
using StreamProcessor.Google.PubSub.Publish;
using StreamProcessor.Google.PubSub.Source;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Service;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// The Google Cloud adapters <c>stream run</c> plugs into the seams when asked (<c>--source pubsub</c>,
/// <c>--events-topic</c>, <c>events.sink: pubsub</c>, <c>events.pubsub.dead_letter_topic</c>): one gRPC channel,
/// to the emulator when PUBSUB_EMULATOR_HOST is set, short names qualified with GOOGLE_CLOUD_PROJECT.
/// </summary>
internal sealed class PubSubAdapters : IDisposable
{
    private readonly Lazy<GrpcChannel> _channel;
    private readonly string? _project;
    private readonly PubSubMetrics _metrics;

    private PubSubAdapters(CommandContext context, PubSubMetrics metrics)
    {
        _metrics = metrics;
        var emulator = Environment.GetEnvironmentVariable(PubSubChannel.EmulatorHostVariable);
        _project = Environment.GetEnvironmentVariable(PubSubChannel.ProjectVariable);
        _channel = new Lazy<GrpcChannel>(() => PubSubChannel.Create(emulator));
        var args = context.Arguments;
        var options = context.Options;
        SourceKind = args.Get("source") ?? options.Source.Kind;
        if (SourceKind is not (SourceOptions.Spool or SourceOptions.PubSubKind))
            throw new UsageException($"--source must be spool or pubsub, got \"{SourceKind}\"");
        PullOptions = options.Source.PubSub with { Subscription = args.Get("subscription") ?? options.Source.PubSub.Subscription };
        if (args.Get("subscription") is not null && SourceKind != SourceOptions.PubSubKind)
            throw new UsageException("--subscription needs --source pubsub (or source.kind: pubsub)");
        var topic = args.Get("events-topic");
        EventsSink = topic is not null ? "pubsub" : args.Get("events") ?? options.Events.Sink;
        PublishOptions = options.Events.PubSub with { Topic = topic ?? options.Events.PubSub.Topic };

        var problems = new List<string>();
        if (SourceKind == SourceOptions.PubSubKind) problems.AddRange(PullOptions.Problems());
        if (EventsSink == "pubsub" || PublishOptions.DeadLetterTopic.Length > 0) problems.AddRange(PublishOptions.Problems());
        if (EventsSink == "pubsub" && string.IsNullOrWhiteSpace(PublishOptions.Topic))
            problems.Add("events.sink pubsub needs events.pubsub.topic (or --events-topic projects/P/topics/T)");
        if (problems.Count > 0) throw new UsageException(string.Join("; ", problems));
        try
        {
            Subscription = SourceKind == SourceOptions.PubSubKind ? ResourceNames.Subscription(PullOptions.Subscription, _project) : null;
            EventsTopic = EventsSink == "pubsub" ? ResourceNames.Topic(PublishOptions.Topic, _project) : null;
            DeadLetterTopic = PublishOptions.DeadLetterTopic.Length > 0 ? ResourceNames.Topic(PublishOptions.DeadLetterTopic, _project) : null;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public string SourceKind { get; }
    public string EventsSink { get; }
    public PubSubSourceOptions PullOptions { get; }
    public PubSubPublishOptions PublishOptions { get; }
    public string? Subscription { get; }
    public string? EventsTopic { get; }
    public string? DeadLetterTopic { get; }

    public static PubSubAdapters Create(CommandContext context, PubSubMetrics metrics) => new(context, metrics);

    public PubSubRequestSource CreateSource(ILogger logger) =>
        new(_channel.Value, Subscription ?? throw new InvalidOperationException("no subscription"), PullOptions, _metrics, logger);

    /// <summary>The seams the Pub/Sub options replace; the rest stay embedded.</summary>
    public PipelineDependencies Apply(PipelineDependencies dependencies)
    {
        IEventPublisher events = EventsTopic is { } topic ? new PubSubEventPublisher(_channel.Value, topic, PublishOptions, _metrics) : dependencies.EventPublisher;
        IDeadLetterSink deadLetters = DeadLetterTopic is { } deadLetterTopic
            ? new PubSubDeadLetterSink(dependencies.DeadLetterSink, _channel.Value, deadLetterTopic, PublishOptions, _metrics)
            : dependencies.DeadLetterSink;
        // Events on a topic are published after the write, so the write cannot commit them with the rows.
        return dependencies with
        {
            EventPublisher = events,
            CompletedBatchSink = EventsTopic is null ? dependencies.CompletedBatchSink : null,
            DeadLetterSink = deadLetters,
        };
    }

    /// <summary>
    /// Batches cannot be larger than what may be in flight: a batch bigger than max_outstanding_messages would
    /// only ever be completed by its flush timer. So the batch sizes are capped by the flow-control limit.
    /// </summary>
    public PipelineOptions Agree(PipelineOptions pipeline)
    {
        if (SourceKind != SourceOptions.PubSubKind) return pipeline;
        var max = PullOptions.MaxOutstandingMessages;
        return pipeline with
        {
            FeatureBatchSize = Math.Min(pipeline.FeatureBatchSize, max),
            WriteBatchSize = Math.Min(pipeline.WriteBatchSize, max),
            DeadLetterBatchSize = Math.Min(pipeline.DeadLetterBatchSize, max),
        };
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated) _channel.Value.Dispose();
    }
}
