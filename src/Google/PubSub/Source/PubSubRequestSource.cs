using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Google.Cloud.PubSub.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamProcessor.Google.PubSub.Connection;
using StreamProcessor.Sinks.Sources;

namespace StreamProcessor.Google.PubSub.Source;

/// <summary>
/// A Pub/Sub subscription behind the source seam, read with StreamingPull.
/// <list type="bullet">
/// <item>Flow control: at most <see cref="PubSubSourceOptions.MaxOutstandingMessages"/> messages (and bytes) are
/// received and unsettled at once; the stream asks the server for the same limit and is not read while full.</item>
/// <item>Leases: a message in flight has its ack deadline extended (ModifyAckDeadline) every half deadline, up to
/// <see cref="PubSubSourceOptions.MaxLeaseExtensionSeconds"/>; after that it is left to expire and come again.</item>
/// <item>Acknowledge and nack (deadline 0) are unary calls by message id: the ack id is the latest delivery's
/// handle, kept here. A second delivery of a message still in flight updates the handle and is not delivered twice.</item>
/// <item>The stream is reopened with exponential backoff whenever it ends or breaks (the service closes streams
/// routinely); before each reopening the subscription is read once, so readiness says whether it is reachable.</item>
/// </list>
/// </summary>
public sealed class PubSubRequestSource : IRequestSource, IAsyncDisposable
{
    private static readonly TimeSpan LeaseTick = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly Subscriber.SubscriberClient _client;
    private readonly AckDeadlines _deadlines;
    private readonly PubSubSourceOptions _options;
    private readonly IPubSubObserver _observer;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly string _clientId = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly Queue<Lease> _waiting = new();
    private readonly SemaphoreSlim _settled = new(0);
    private readonly CancellationTokenSource _disposing = new();
    private ChannelWriter<Lease>? _deliveries;
    private int _admitted;
    private long _admittedBytes;
    private Task? _leaseLoop;

    public PubSubRequestSource(ChannelBase channel, string subscription, PubSubSourceOptions options,
        IPubSubObserver? observer = null, ILogger? logger = null, TimeProvider? clock = null)
    {
        _client = new Subscriber.SubscriberClient(channel);
        Subscription = subscription;
        _options = options;
        _observer = observer ?? NullPubSubObserver.Instance;
        _logger = logger ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
        _deadlines = new AckDeadlines(_client, subscription);
    }

    public string Subscription { get; }

    /// <summary>Reads the subscription once: throws (an RpcException) when it cannot be reached or does not exist.</summary>
    public async Task CheckReachableAsync(CancellationToken cancellationToken) =>
        await _client.GetSubscriptionAsync(new GetSubscriptionRequest { Subscription = Subscription }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _leaseLoop ??= Task.Run(() => ExtendLeasesAsync(_disposing.Token));
        var deliveries = Channel.CreateUnbounded<Lease>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate) _deliveries = deliveries.Writer;
        using var pulling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var pull = Task.Run(() => PullAsync(pulling.Token));
        try
        {
            while (true)
            {
                Lease? lease;
                try
                {
                    if (!await deliveries.Reader.WaitToReadAsync(cancellationToken)) break;
                    if (!deliveries.Reader.TryRead(out lease)) continue;
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                lock (_gate)
                {
                    if (!_leases.TryGetValue(lease.MessageId, out var current) || current != lease) continue; // settled meanwhile
                    lease.Delivered = true;
                }
                yield return new SourceMessage(lease.MessageId, lease.Data.Memory)
                {
                    DeliveryAttempt = lease.DeliveryAttempt > 0 ? lease.DeliveryAttempt : null,
                    Attributes = lease.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                };
            }
        }
        finally
        {
            pulling.Cancel();
            await pull.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            lock (_gate) _deliveries = null;
            // Received but never handed to the pipeline: back to Pub/Sub at once, for this replica or another.
            string[] undelivered;
            lock (_gate) undelivered = _leases.Values.Where(l => !l.Delivered).Select(l => l.MessageId).ToArray();
            await NackAsync(undelivered, CancellationToken.None);
            if (undelivered.Length > 0) _logger.LogInformation("stopped reading {subscription}: {count} messages received but not yet started were handed back to Pub/Sub", Subscription, undelivered.Length);
        }
    }

    public async Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var ackIds = Settle(messageIds);
        if (ackIds.Count == 0) return;
        IReadOnlyDictionary<string, string> refused;
        try
        {
            refused = await _deadlines.AcknowledgeAsync(ackIds, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AcknowledgementException($"acknowledging {ackIds.Count} messages failed: {e.Message}; Pub/Sub will deliver them again", e);
        }
        if (refused.Count > 0)
            throw new AcknowledgementException($"Pub/Sub refused {refused.Count} of {ackIds.Count} acknowledgements ({string.Join(", ", refused.Values.Distinct().Take(3))}); those messages will be delivered again");
    }

    /// <summary>ModifyAckDeadline 0: Pub/Sub delivers the messages again at once. A failure is only logged: then they come back when their deadline passes.</summary>
    public async Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var ackIds = Settle(messageIds);
        if (ackIds.Count == 0) return;
        _observer.Nacked(ackIds.Count);
        try
        {
            var refused = await _deadlines.ModifyAsync(ackIds, 0, cancellationToken);
            if (refused.Count > 0) _logger.LogWarning("Pub/Sub refused {refused} of {count} nacks; those messages come back when their ack deadline passes", refused.Count, ackIds.Count);
        }
        catch (Exception e)
        {
            _logger.LogWarning("nacking {count} messages failed ({error}); they come back when their ack deadline passes", ackIds.Count, e.Message);
        }
    }

    /// <summary>Hands back whatever is still in flight (a drain past its deadline), then stops extending leases.</summary>
    public async ValueTask DisposeAsync()
    {
        string[] inFlight;
        lock (_gate) inFlight = _leases.Keys.ToArray();
        await NackAsync(inFlight, CancellationToken.None);
        if (inFlight.Length > 0) _logger.LogInformation("closing {subscription}: {count} messages still in flight were handed back to Pub/Sub for redelivery", Subscription, inFlight.Length);
        _disposing.Cancel();
        if (_leaseLoop is { } loop) await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _disposing.Dispose();
    }

    private List<string> Settle(IReadOnlyList<string> messageIds)
    {
        var ackIds = new List<string>(messageIds.Count);
        lock (_gate)
        {
            foreach (var id in messageIds)
            {
                if (!_leases.Remove(id, out var lease)) continue;
                if (lease.Admitted)
                {
                    _admitted--;
                    _admittedBytes -= lease.Data.Length;
                }
                ackIds.Add(lease.AckId);
            }
            Admit();
        }
        if (ackIds.Count > 0) _settled.Release();
        return ackIds;
    }

    /// <summary>
    /// Flow control: moves waiting messages into the pipeline while fewer than the limits are in flight. Pub/Sub
    /// may send more than it was asked for; the rest wait here, leased (and extended) but not yet processed.
    /// Called under <see cref="_gate"/>.
    /// </summary>
    private void Admit()
    {
        while (_waiting.TryPeek(out var next))
        {
            if (!_leases.TryGetValue(next.MessageId, out var current) || current != next)
            {
                _waiting.Dequeue(); // settled while waiting (a nack on shutdown)
                continue;
            }
            var room = _admitted == 0 || (_admitted < _options.MaxOutstandingMessages && _admittedBytes + next.Data.Length <= _options.MaxOutstandingBytes);
            if (!room || _deliveries is null) break;
            _waiting.Dequeue();
            next.Admitted = true;
            _admitted++;
            _admittedBytes += next.Data.Length;
            _deliveries.TryWrite(next);
        }
        _observer.Outstanding(_admitted, _admittedBytes, _waiting.Count);
    }

    /// <summary>The stream is read on only when nothing waits and there is room in flight.</summary>
    private bool Full
    {
        get
        {
            lock (_gate) return _waiting.Count > 0 || _admitted >= _options.MaxOutstandingMessages || _admittedBytes >= _options.MaxOutstandingBytes;
        }
    }

    private async Task PullAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(_options.ReconnectInitialBackoffMilliseconds);
        var maxBackoff = TimeSpan.FromMilliseconds(_options.ReconnectMaxBackoffMilliseconds);
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                await CheckReachableAsync(cancellationToken);
                _observer.StreamConnected();
                if (!first) _logger.LogInformation("streaming pull of {subscription} reopened", Subscription);
                first = false;
                reason = await PullOneStreamAsync(() => backoff = TimeSpan.FromMilliseconds(_options.ReconnectInitialBackoffMilliseconds), cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                break; // stopping: however the stream ended
            }
            catch (RpcException e)
            {
                reason = $"{e.StatusCode}: {e.Status.Detail}";
                if (!RetryableCodes.IsRetryable(e.StatusCode))
                    _logger.LogError("streaming pull of {subscription} failed with {status} (not transient: check the subscription and the service account's roles); retrying", Subscription, reason);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException)
            {
                reason = e.Message;
            }
            catch (Exception e)
            {
                // A bug here must not silently end the subscription: say so, and pull again.
                reason = e.GetType().Name + ": " + e.Message;
                _logger.LogError(e, "streaming pull of {subscription} failed unexpectedly: {error}", Subscription, reason);
            }
            if (cancellationToken.IsCancellationRequested) break;
            _observer.StreamBroken(reason);
            _logger.LogWarning("streaming pull of {subscription} ended ({reason}); reconnecting in {backoff_ms} ms", Subscription, reason, (int)backoff.TotalMilliseconds);
            await Task.Delay(Jitter(backoff), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            backoff = TimeSpan.FromTicks(Math.Min(maxBackoff.Ticks, backoff.Ticks * 2));
        }
        lock (_gate) _deliveries?.TryComplete();
    }

    /// <summary>
    /// One streaming pull until the server ends it (returns why) or it breaks (throws). Asked to stop, it
    /// half-closes the stream and reads on until the server has closed it too: a nack sent while the server
    /// still counts the stream open comes straight back to it (and would then wait out its ack deadline).
    /// </summary>
    private async Task<string> PullOneStreamAsync(Action receiving, CancellationToken stop)
    {
        using var streamEnd = new CancellationTokenSource();
        using var call = _client.StreamingPull(cancellationToken: streamEnd.Token);
        var writes = new SemaphoreSlim(1, 1);
        var stopping = false;
        async Task WriteAsync(StreamingPullRequest request)
        {
            await writes.WaitAsync(streamEnd.Token);
            try { if (!stopping) await call.RequestStream.WriteAsync(request, streamEnd.Token); }
            finally { writes.Release(); }
        }
        await WriteAsync(new StreamingPullRequest
        {
            Subscription = Subscription,
            StreamAckDeadlineSeconds = _options.AckDeadlineSeconds,
            MaxOutstandingMessages = _options.MaxOutstandingMessages,
            MaxOutstandingBytes = _options.MaxOutstandingBytes,
            ClientId = _clientId,
        });
        using var halfClose = stop.Register(() => _ = Task.Run(async () =>
        {
            await writes.WaitAsync(CancellationToken.None);
            try
            {
                stopping = true;
                streamEnd.CancelAfter(StopGrace);
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException)
            {
                streamEnd.Cancel(); // the stream is already gone
            }
            finally
            {
                writes.Release();
            }
        }));
        var heartbeat = Task.Run(async () =>
        {
            // An empty request now and then tells the server this stream's client is alive.
            while (!streamEnd.IsCancellationRequested && !stopping)
            {
                await Task.Delay(Heartbeat, streamEnd.Token);
                await WriteAsync(new StreamingPullRequest());
            }
        }, CancellationToken.None);
        try
        {
            while (true)
            {
                while (Full && !stop.IsCancellationRequested)
                {
                    try { await _settled.WaitAsync(TimeSpan.FromMilliseconds(200), stop); }
                    catch (OperationCanceledException) { }
                }
                if (!await call.ResponseStream.MoveNext(streamEnd.Token)) return stop.IsCancellationRequested ? "stopped" : "closed by the server";
                receiving();
                Receive(call.ResponseStream.Current); // also while stopping: what arrives then is nacked with the rest
            }
        }
        finally
        {
            streamEnd.Cancel();
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void Receive(StreamingPullResponse response)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var received in response.ReceivedMessages)
            {
                var message = received.Message;
                if (received.DeliveryAttempt > 1) _observer.Redelivered();
                if (_leases.TryGetValue(message.MessageId, out var existing))
                {
                    existing.AckId = received.AckId; // the newest delivery's handle is the one Pub/Sub honours
                    existing.ExtendAt = now + HalfDeadline;
                    if (received.DeliveryAttempt <= 1) _observer.Redelivered();
                    continue;
                }
                var lease = new Lease(message.MessageId, received.AckId, message.Data, message.Attributes, received.DeliveryAttempt, now) { ExtendAt = now + HalfDeadline };
                _leases[message.MessageId] = lease;
                _waiting.Enqueue(lease);
            }
            Admit();
        }
    }

    private TimeSpan HalfDeadline => TimeSpan.FromSeconds(_options.AckDeadlineSeconds / 2.0);

    private async Task ExtendLeasesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(LeaseTick, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var now = _clock.GetUtcNow();
            var due = new List<string>();
            lock (_gate)
            {
                foreach (var lease in _leases.Values)
                {
                    if (lease.Expiring || lease.ExtendAt > now) continue;
                    if (now - lease.ReceivedAt >= TimeSpan.FromSeconds(_options.MaxLeaseExtensionSeconds))
                    {
                        lease.Expiring = true;
                        _logger.LogWarning("message {message_id} has been in flight for {seconds} s (max_lease_extension_seconds): its lease is no longer extended, so Pub/Sub will deliver it again",
                            lease.MessageId, _options.MaxLeaseExtensionSeconds);
                        continue;
                    }
                    lease.ExtendAt = now + HalfDeadline;
                    due.Add(lease.AckId);
                }
            }
            if (due.Count == 0) continue;
            try
            {
                var refused = await _deadlines.ModifyAsync(due, _options.AckDeadlineSeconds, cancellationToken);
                _observer.LeasesExtended(due.Count - refused.Count);
                if (refused.Count > 0) _logger.LogWarning("Pub/Sub refused {refused} of {count} lease extensions; those messages will be delivered again", refused.Count, due.Count);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("extending {count} leases failed ({error}); retrying on the next tick", due.Count, e.Message);
            }
        }
    }

    private static TimeSpan Jitter(TimeSpan backoff) => backoff * (0.5 + Random.Shared.NextDouble() / 2);
}
