using System.Diagnostics;
using Google.Cloud.PubSub.V1;
using Grpc.Core;
using StreamProcessor.Google.PubSub.Connection;

namespace StreamProcessor.Google.PubSub.Publish;

/// <summary>Publishes messages to one topic in calls bounded by count and bytes, retrying only retryable codes with backoff.</summary>
internal sealed class TopicPublisher(ChannelBase channel, string topic, PubSubPublishOptions options, IPubSubObserver observer)
{
    private readonly Publisher.PublisherClient _client = new(channel);

    public string Topic => topic;

    public async Task PublishAsync(IReadOnlyList<PubsubMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var call in Calls(messages))
        {
            var started = Stopwatch.GetTimestamp();
            var backoff = TimeSpan.FromMilliseconds(options.InitialBackoffMilliseconds);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _client.PublishAsync(new PublishRequest { Topic = topic, Messages = { call } },
                        deadline: DateTime.UtcNow.AddSeconds(options.TimeoutSeconds), cancellationToken: cancellationToken);
                    break;
                }
                catch (RpcException e) when (attempt < options.MaxAttempts && RetryableCodes.IsRetryable(e.StatusCode) && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(backoff, cancellationToken);
                    backoff *= 2;
                }
                catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new PublishException($"publishing {call.Count} messages to {topic} failed: {e.StatusCode}: {e.Status.Detail}", e);
                }
            }
            observer.Published(call.Count, Stopwatch.GetElapsedTime(started));
        }
    }

    private IEnumerable<List<PubsubMessage>> Calls(IReadOnlyList<PubsubMessage> messages)
    {
        var call = new List<PubsubMessage>();
        long bytes = 0;
        foreach (var message in messages)
        {
            var size = message.CalculateSize();
            if (call.Count > 0 && (call.Count >= options.MaxMessagesPerCall || bytes + size > options.MaxBytesPerCall))
            {
                yield return call;
                call = [];
                bytes = 0;
            }
            call.Add(message);
            bytes += size;
        }
        if (call.Count > 0) yield return call;
    }
}
