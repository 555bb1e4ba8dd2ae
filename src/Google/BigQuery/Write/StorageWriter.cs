using global::Google.Cloud.BigQuery.Storage.V1;
using global::Google.Protobuf;
using Grpc.Core;

namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>
/// A Storage Write API writer for one table: one long-lived AppendRows stream (the table's `_default` unless told
/// otherwise), rows encoded with the proto2 descriptor of <typeparamref name="T"/>, requests kept under the API's
/// 10 MB limit, one request in flight so responses pair with requests. A broken stream is reopened (the schema is
/// sent again on the new one) and the request retried, on retryable codes only. Rows the API refuses
/// (row_errors: a request with a bad row appends none of it) are reported by index and the rest resent.
/// With offsets (an application-created stream), ALREADY_EXISTS on a resend means the first attempt landed.
/// On `_default` (at-least-once) a resend after a broken stream may append a row twice: harmless for CDC upserts,
/// and plain appends carry a deterministic id for readers to count once.
/// </summary>
public sealed class StorageWriter<T> : IAsyncDisposable
{
    private static readonly StatusCode[] Retryable = [StatusCode.Unavailable, StatusCode.Internal, StatusCode.Aborted, StatusCode.ResourceExhausted, StatusCode.DeadlineExceeded];

    private readonly BigQueryWrite.BigQueryWriteClient _client;
    private readonly StorageWriterOptions _options;
    private readonly ProtoRowSchema<T> _schema;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _streamName;
    private AsyncDuplexStreamingCall<AppendRowsRequest, AppendRowsResponse>? _call;
    private bool _schemaSent;

    /// <param name="schema">The row schema; by default the one of <typeparamref name="T"/>'s properties.</param>
    public StorageWriter(BigQueryWrite.BigQueryWriteClient client, StorageWriterOptions options, ProtoRowSchema<T>? schema = null)
    {
        _client = client;
        _options = options;
        _schema = schema ?? ProtoRowSchema<T>.Create(options.Cdc);
        if (_schema.Cdc != options.Cdc) throw new ArgumentException("the row schema and the writer options disagree on CDC", nameof(schema));
        _streamName = options.StreamName ?? options.Table.DefaultStream;
    }

    /// <summary>Times the stream was (re)opened: 1 for a healthy writer.</summary>
    public int Connections { get; private set; }

    public async Task<WriteReport> WriteAsync(IReadOnlyList<PendingRow<T>> rows, long? offset = null, CancellationToken cancellationToken = default)
    {
        var failures = new List<RowFailure>();
        var encoded = new List<(int Index, ByteString Bytes)>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                var bytes = _schema.Encode(rows[i].Row, _options.Cdc ? rows[i].Change : RowChange.Append, rows[i].SequenceNumber);
                if (bytes.Length + 1024 > _options.MaxRequestBytes) failures.Add(new RowFailure(i, $"row of {bytes.Length} bytes exceeds the request limit of {_options.MaxRequestBytes} bytes"));
                else encoded.Add((i, bytes));
            }
            catch (ArgumentException e)
            {
                failures.Add(new RowFailure(i, e.Message));
            }
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            foreach (var chunk in Chunks(encoded))
            {
                var count = await SendAsync(chunk, offset, failures, written, cancellationToken);
                written += count;
                if (offset is not null) offset += count;
            }
            return new WriteReport(written, failures.OrderBy(f => f.Index).ToArray());
        }
        finally
        {
            _gate.Release();
        }
    }

    private IEnumerable<List<(int Index, ByteString Bytes)>> Chunks(List<(int Index, ByteString Bytes)> rows)
    {
        var chunk = new List<(int, ByteString)>();
        var size = _schema.Descriptor.CalculateSize() + _streamName.Length + 64;
        foreach (var row in rows)
        {
            var rowSize = row.Bytes.Length + 8;
            if (chunk.Count > 0 && size + rowSize > _options.MaxRequestBytes)
            {
                yield return chunk;
                chunk = [];
                size = _schema.Descriptor.CalculateSize() + _streamName.Length + 64;
            }
            chunk.Add(row);
            size += rowSize;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private async Task<int> SendAsync(List<(int Index, ByteString Bytes)> chunk, long? offset, List<RowFailure> failures, int writtenBefore, CancellationToken cancellationToken)
    {
        var backoff = _options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            StatusCode code;
            string message;
            try
            {
                var response = await RoundTripAsync(chunk, offset, cancellationToken);
                if (response.RowErrors.Count > 0)
                {
                    var bad = response.RowErrors.ToDictionary(e => (int)e.Index, e => e.Message);
                    foreach (var (index, why) in bad) failures.Add(new RowFailure(chunk[index].Index, why));
                    chunk = chunk.Where((_, i) => !bad.ContainsKey(i)).ToList();
                    if (chunk.Count == 0) return 0;
                    attempt = 0; // the rest is a new request, not a retry
                    continue;
                }
                if (response.Error is null || response.Error.Code == 0) return chunk.Count;
                code = (StatusCode)response.Error.Code;
                message = response.Error.Message;
                if (code == StatusCode.AlreadyExists && attempt > 1) return chunk.Count;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                await ResetAsync();
                code = e.StatusCode;
                message = e.Status.Detail;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                // Writing into a stream the server already dropped fails below gRPC, as a broken connection does.
                await ResetAsync();
                code = StatusCode.Unavailable;
                message = e.Message;
            }
            if (!Retryable.Contains(code) || attempt >= _options.MaxAttempts)
                throw new BigQueryWriteException(code, $"append to {_streamName} failed{(attempt > 1 ? $" after {attempt} attempts" : "")}: {message}", writtenBefore);
            await Task.Delay(backoff, cancellationToken);
            backoff *= 2;
        }
    }

    private async Task<AppendRowsResponse> RoundTripAsync(List<(int Index, ByteString Bytes)> chunk, long? offset, CancellationToken cancellationToken)
    {
        if (_call is null)
        {
            _call = _client.AppendRows(cancellationToken: CancellationToken.None);
            _schemaSent = false;
            Connections++;
        }
        var request = new AppendRowsRequest { ProtoRows = new AppendRowsRequest.Types.ProtoData { Rows = new ProtoRows() } };
        if (!_schemaSent)
        {
            request.WriteStream = _streamName;
            request.ProtoRows.WriterSchema = new ProtoSchema { ProtoDescriptor = _schema.Descriptor };
        }
        if (offset is not null) request.Offset = offset.Value;
        request.ProtoRows.Rows.SerializedRows.AddRange(chunk.Select(c => c.Bytes));
        await _call.RequestStream.WriteAsync(request, cancellationToken);
        _schemaSent = true;
        if (!await _call.ResponseStream.MoveNext(cancellationToken))
        {
            await ResetAsync();
            throw new RpcException(new Status(StatusCode.Unavailable, "the AppendRows stream ended before answering"));
        }
        return _call.ResponseStream.Current;
    }

    private async Task ResetAsync()
    {
        if (_call is null) return;
        try
        {
            await _call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // the stream is already broken: nothing to close politely
        }
        _call.Dispose();
        _call = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await ResetAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
