using System.Collections.Concurrent;
using Google.Cloud.BigQuery.Storage.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using StreamProcessor.BigQueryStorageEmulator.Tables;

namespace StreamProcessor.BigQueryStorageEmulator.Read;

/// <summary>
/// The BigQueryRead service in Arrow: a session snapshots the rows that match row_restriction, with the selected
/// fields (all when none are named), in one stream; a table with no matching rows gets a session with no
/// streams, as BigQuery returns it. ReadRows sends the stream from the requested offset in batches.
/// </summary>
public sealed class BigQueryReadService(Catalog catalog) : BigQueryRead.BigQueryReadBase
{
    private const int BatchRows = 1024;
    private readonly ConcurrentDictionary<string, ReadSessionState> _streams = new(StringComparer.Ordinal);

    public override Task<ReadSession> CreateReadSession(CreateReadSessionRequest request, ServerCallContext context)
    {
        var requested = request.ReadSession ?? throw Invalid("read_session is required");
        if (!TableName.TryParse(requested.Table, out var name, out var stream) || stream is not null)
            throw Invalid($"read_session.table '{requested.Table}' is not projects/P/datasets/D/tables/T");
        var table = catalog.Find(name!.Project, name.Dataset, name.Table)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Table not found: {name.Path}"));
        if (requested.DataFormat == DataFormat.Avro) throw new RpcException(new Status(StatusCode.Unimplemented, "this emulator serves ARROW only"));
        if (requested.DataFormat != DataFormat.Arrow) throw Invalid("read_session.data_format is required (ARROW)");
        var definition = table.Definition;
        var selected = requested.ReadOptions?.SelectedFields.Count > 0
            ? requested.ReadOptions.SelectedFields.Select(f => definition.IndexOf(f) ?? throw Invalid($"selected field '{f}' is not a column of {name.Path}")).ToArray()
            : Enumerable.Range(0, definition.Columns.Count).ToArray();
        RowRestriction restriction;
        try
        {
            restriction = RowRestriction.Parse(requested.ReadOptions?.RowRestriction ?? "", definition);
        }
        catch (FormatException e)
        {
            throw Invalid(e.Message);
        }
        var rows = table.Snapshot().Where(restriction.Matches).Select(r => selected.Select(i => r[i]).ToArray()).ToArray();
        var encoder = new ArrowEncoder(selected.Select(i => definition.Columns[i]).ToArray());
        var session = new ReadSession
        {
            Name = $"projects/{name.Project}/locations/us/sessions/{Guid.NewGuid():N}",
            ExpireTime = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(6)),
            DataFormat = DataFormat.Arrow,
            ArrowSchema = new ArrowSchema { SerializedSchema = ByteString.CopyFrom(encoder.SerializedSchema) },
            Table = requested.Table,
            ReadOptions = requested.ReadOptions ?? new ReadSession.Types.TableReadOptions(),
            EstimatedRowCount = rows.Length,
        };
        var state = new ReadSessionState(session.Name, encoder, rows);
        if (rows.Length > 0)
        {
            _streams[state.StreamName] = state;
            session.Streams.Add(new ReadStream { Name = state.StreamName });
        }
        return Task.FromResult(session);
    }

    public override async Task ReadRows(ReadRowsRequest request, IServerStreamWriter<ReadRowsResponse> responseStream, ServerCallContext context)
    {
        if (!_streams.TryGetValue(request.ReadStream, out var state)) throw new RpcException(new Status(StatusCode.NotFound, $"read stream not found: {request.ReadStream}"));
        if (request.Offset < 0 || request.Offset > state.Rows.Count) throw new RpcException(new Status(StatusCode.OutOfRange, $"offset {request.Offset} is beyond the stream's {state.Rows.Count} rows"));
        var first = true;
        for (var at = (int)request.Offset; at < state.Rows.Count; at += BatchRows)
        {
            var rows = state.Rows.Skip(at).Take(BatchRows).ToArray();
            var response = new ReadRowsResponse
            {
                RowCount = rows.Length,
                ArrowRecordBatch = new ArrowRecordBatch { SerializedRecordBatch = ByteString.CopyFrom(state.Encoder.SerializeBatch(rows)) },
                Stats = new StreamStats { Progress = new StreamStats.Types.Progress { AtResponseStart = (double)at / state.Rows.Count, AtResponseEnd = (double)(at + rows.Length) / state.Rows.Count } },
            };
            if (first) response.ArrowSchema = new ArrowSchema { SerializedSchema = ByteString.CopyFrom(state.Encoder.SerializedSchema) };
            first = false;
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    public override Task<SplitReadStreamResponse> SplitReadStream(SplitReadStreamRequest request, ServerCallContext context) =>
        Task.FromResult(new SplitReadStreamResponse()); // documented: a stream that cannot be split returns neither part

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
