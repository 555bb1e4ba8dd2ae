using Apache.Arrow;
using Apache.Arrow.Ipc;
using global::Google.Cloud.BigQuery.Storage.V1;
using global::Google.Protobuf;

namespace StreamProcessor.Google.BigQuery.Read;

/// <summary>
/// A Storage Read API reader: one read session per read (selected fields + row restriction, in Arrow), every
/// stream of it read to the end. Each ReadRows batch is an Arrow IPC record-batch message without its schema, so
/// it is decoded together with the session's serialized schema.
/// </summary>
public sealed class StorageReader(BigQueryRead.BigQueryReadClient client, string project)
{
    public async Task<IReadOnlyList<RecordBatch>> ReadBatchesAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        var session = new ReadSession { Table = request.Table.Path, DataFormat = DataFormat.Arrow, ReadOptions = new ReadSession.Types.TableReadOptions() };
        if (request.SelectedFields is { } fields) session.ReadOptions.SelectedFields.AddRange(fields);
        if (request.RowRestriction is { } restriction) session.ReadOptions.RowRestriction = restriction;
        var created = await client.CreateReadSessionAsync(
            new CreateReadSessionRequest { Parent = $"projects/{project}", ReadSession = session, MaxStreamCount = 1 },
            cancellationToken: cancellationToken);
        var schema = created.ArrowSchema?.SerializedSchema ?? ByteString.Empty;
        var batches = new List<RecordBatch>();
        foreach (var stream in created.Streams)
        {
            using var call = client.ReadRows(new ReadRowsRequest { ReadStream = stream.Name }, cancellationToken: cancellationToken);
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var batch = call.ResponseStream.Current.ArrowRecordBatch;
                if (batch is null || batch.SerializedRecordBatch.IsEmpty) continue;
                batches.Add(Decode(schema, batch.SerializedRecordBatch));
            }
        }
        return batches;
    }

    /// <summary>The rows as column name -&gt; value: string, long, double, bool, DateOnly, DateTimeOffset, or a list of them; null for NULL.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadRowsAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var batch in await ReadBatchesAsync(request, cancellationToken))
            for (var r = 0; r < batch.Length; r++)
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var c = 0; c < batch.ColumnCount; c++) row[batch.Schema.FieldsList[c].Name] = ArrowValues.Get(batch.Column(c), r);
                rows.Add(row);
            }
        return rows;
    }

    private static RecordBatch Decode(ByteString schema, ByteString batch)
    {
        var bytes = new byte[schema.Length + batch.Length];
        schema.CopyTo(bytes, 0);
        batch.CopyTo(bytes, schema.Length);
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        return reader.ReadNextRecordBatch() ?? throw new InvalidDataException("ReadRows sent a record batch that holds no batch");
    }
}
