using System.Collections.Concurrent;
using Google.Cloud.BigQuery.Storage.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using StreamProcessor.BigQueryStorageEmulator.Tables;
using ErrorCode = Google.Cloud.BigQuery.Storage.V1.StorageError.Types.StorageErrorCode;
using StreamType = Google.Cloud.BigQuery.Storage.V1.WriteStream.Types.Type;

namespace StreamProcessor.BigQueryStorageEmulator.Write;

/// <summary>The BigQueryWrite service: AppendRows and the stream methods Google's writers call.</summary>
public sealed class BigQueryWriteService(Catalog catalog) : BigQueryWrite.BigQueryWriteBase
{
    /// <summary>The API's limit on one AppendRows request.</summary>
    public const int MaxRequestBytes = 10 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, WriteStreamState> _streams = new(StringComparer.Ordinal);

    public override Task<WriteStream> CreateWriteStream(CreateWriteStreamRequest request, ServerCallContext context)
    {
        var table = TableOf(request.Parent);
        var type = request.WriteStream?.Type ?? StreamType.Unspecified;
        if (type == StreamType.Unspecified) throw new RpcException(new Status(StatusCode.InvalidArgument, "write_stream.type is required (COMMITTED, PENDING or BUFFERED)"));
        var name = $"{request.Parent}/streams/{Guid.NewGuid():N}";
        var state = new WriteStreamState(name, table, type, isDefault: false);
        _streams[name] = state;
        return Task.FromResult(Describe(state, WriteStreamView.Full));
    }

    public override Task<WriteStream> GetWriteStream(GetWriteStreamRequest request, ServerCallContext context) =>
        Task.FromResult(Describe(Stream(request.Name), request.View));

    public override Task<FinalizeWriteStreamResponse> FinalizeWriteStream(FinalizeWriteStreamRequest request, ServerCallContext context)
    {
        try
        {
            return Task.FromResult(new FinalizeWriteStreamResponse { RowCount = Stream(request.Name).FinalizeStream() });
        }
        catch (AppendError e)
        {
            throw e.ToRpcException();
        }
    }

    public override Task<FlushRowsResponse> FlushRows(FlushRowsRequest request, ServerCallContext context)
    {
        try
        {
            return Task.FromResult(new FlushRowsResponse { Offset = Stream(request.WriteStream).Flush(request.Offset ?? 0) });
        }
        catch (AppendError e)
        {
            throw e.ToRpcException();
        }
    }

    /// <summary>Commits every named PENDING stream at once, or none of them (the errors say why).</summary>
    public override Task<BatchCommitWriteStreamsResponse> BatchCommitWriteStreams(BatchCommitWriteStreamsRequest request, ServerCallContext context)
    {
        var table = TableOf(request.Parent);
        var streams = request.WriteStreams.Select(Stream).ToArray();
        var response = new BatchCommitWriteStreamsResponse();
        lock (table)
        {
            foreach (var stream in streams)
            {
                if (stream.Table != table) response.StreamErrors.Add(new StorageError { Code = ErrorCode.InvalidStreamState, Entity = stream.Name, ErrorMessage = "the stream belongs to another table" });
                else if (stream.CommitProblem() is { } problem) response.StreamErrors.Add(problem);
            }
            if (response.StreamErrors.Count > 0) return Task.FromResult(response);
            var time = Timestamp.FromDateTime(DateTime.UtcNow);
            foreach (var stream in streams) stream.Commit(time);
            response.CommitTime = time;
        }
        return Task.FromResult(response);
    }

    public override async Task AppendRows(IAsyncStreamReader<AppendRowsRequest> requestStream, IServerStreamWriter<AppendRowsResponse> responseStream, ServerCallContext context)
    {
        WriteStreamState? stream = null;
        ProtoRowDecoder? decoder = null;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            var size = request.CalculateSize();
            if (size > MaxRequestBytes)
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"AppendRows request too large: {size} bytes, limit {MaxRequestBytes}"));
            if (!string.IsNullOrEmpty(request.WriteStream) && request.WriteStream != stream?.Name)
            {
                stream = Stream(request.WriteStream);
                decoder = null;
            }
            if (stream is null) throw new RpcException(new Status(StatusCode.InvalidArgument, "the first AppendRows request must name write_stream"));
            var response = new AppendRowsResponse { WriteStream = stream.Name };
            try
            {
                if (request.RowsCase != AppendRowsRequest.RowsOneofCase.ProtoRows)
                    throw new AppendError(StatusCode.InvalidArgument, ErrorCode.Unspecified, stream.Name, "only proto_rows are supported");
                if (request.ProtoRows.WriterSchema?.ProtoDescriptor is { } descriptor)
                {
                    decoder = ProtoRowDecoder.Create(descriptor, stream.Table.Definition, out var schemaError);
                    if (schemaError is not null)
                    {
                        decoder = null;
                        throw new AppendError(StatusCode.InvalidArgument, ErrorCode.SchemaMismatchExtraFields, stream.Name, schemaError);
                    }
                    if (decoder.UsesChangeType && !stream.IsDefault)
                    {
                        decoder = null;
                        throw new AppendError(StatusCode.InvalidArgument, ErrorCode.InvalidStreamType, stream.Name, "_CHANGE_TYPE (CDC) is only supported on the _default stream");
                    }
                }
                if (decoder is null) throw new AppendError(StatusCode.InvalidArgument, ErrorCode.Unspecified, stream.Name, "the first request on a connection needs proto_rows.writer_schema");
                var rows = new List<TableRow>();
                var serialized = request.ProtoRows.Rows?.SerializedRows;
                for (var i = 0; serialized is not null && i < serialized.Count; i++)
                {
                    if (decoder.Decode(serialized[i], out var rowError) is { } row) rows.Add(row);
                    else response.RowErrors.Add(new RowError { Index = i, Code = RowError.Types.RowErrorCode.FieldsError, Message = rowError });
                }
                if (response.RowErrors.Count > 0)
                {
                    // As documented: a request with a bad row appends none of its rows; the writer drops the bad ones and resends.
                    response.Error = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = $"{response.RowErrors.Count} of {serialized!.Count} rows have errors; nothing was appended" };
                }
                else
                {
                    var start = stream.Append(request.Offset, rows);
                    response.AppendResult = new AppendRowsResponse.Types.AppendResult();
                    if (!stream.IsDefault) response.AppendResult.Offset = start;
                }
            }
            catch (AppendError e)
            {
                response.Error = e.ToStatus();
            }
            await responseStream.WriteAsync(response);
        }
    }

    private Table TableOf(string name)
    {
        if (!TableName.TryParse(name, out var table, out var stream) || stream is not null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{name}' is not projects/P/datasets/D/tables/T"));
        return catalog.Find(table!.Project, table.Dataset, table.Table)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Table not found: {table.Path}"));
    }

    private WriteStreamState Stream(string name)
    {
        if (_streams.TryGetValue(name, out var state)) return state;
        if (!TableName.TryParse(name, out var table, out var stream) || stream is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{name}' is not projects/P/datasets/D/tables/T/streams/S"));
        if (stream != "_default") throw new RpcException(new Status(StatusCode.NotFound, $"Stream not found: {name}"));
        var found = catalog.Find(table!.Project, table.Dataset, table.Table)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Table not found: {table.Path}"));
        return _streams.GetOrAdd(name, n => new WriteStreamState(n, found, StreamType.Committed, isDefault: true));
    }

    private static WriteStream Describe(WriteStreamState state, WriteStreamView view)
    {
        var stream = new WriteStream
        {
            Name = state.Name,
            Type = state.Type,
            CreateTime = state.CreateTime,
            WriteMode = WriteStream.Types.WriteMode.Insert,
        };
        if (state.CommitTime is not null) stream.CommitTime = state.CommitTime;
        if (view == WriteStreamView.Full) stream.TableSchema = TableSchemas.Of(state.Table.Definition);
        return stream;
    }
}
