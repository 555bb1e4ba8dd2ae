using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using StreamProcessor.BigQueryStorageEmulator.Tables;
using Column = StreamProcessor.BigQueryStorageEmulator.Tables.Column;

namespace StreamProcessor.BigQueryStorageEmulator.Read;

/// <summary>
/// Rows to Arrow IPC messages as the Read API sends them: the schema once (ReadSession.arrow_schema) and each
/// batch as its own encapsulated message without the schema (ArrowRecordBatch.serialized_record_batch); a reader
/// concatenates the two to read a batch. STRING is utf8, INT64 int64, FLOAT64 double, BOOL bool, DATE date32,
/// TIMESTAMP timestamp[us, UTC], ARRAY&lt;T&gt; list&lt;T&gt;; REQUIRED columns are not nullable.
/// </summary>
public sealed class ArrowEncoder
{
    private readonly IReadOnlyList<Column> _columns;

    public ArrowEncoder(IReadOnlyList<Column> columns)
    {
        _columns = columns;
        var builder = new Schema.Builder();
        foreach (var column in columns) builder.Field(new Field(column.Name, ArrowTypeOf(column), !column.Required));
        Schema = builder.Build();
        SerializedSchema = Serialize(null);
    }

    public Schema Schema { get; }

    public byte[] SerializedSchema { get; }

    public byte[] SerializeBatch(IReadOnlyList<object?[]> rows)
    {
        var arrays = new IArrowArray[_columns.Count];
        for (var c = 0; c < _columns.Count; c++) arrays[c] = Build(_columns[c], rows.Select(r => r[c]));
        var bytes = Serialize(new RecordBatch(Schema, arrays, rows.Count));
        return bytes[SerializedSchema.Length..];
    }

    private byte[] Serialize(RecordBatch? batch)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, Schema, leaveOpen: true))
        {
            writer.WriteStartAsync().GetAwaiter().GetResult();
            if (batch is not null) writer.WriteRecordBatch(batch);
        }
        // The writer's last use of the batch is before it copies the batch's buffers, and nothing else may hold the batch:
        // a collection in between finalizes the native memory under the copy (an intermittent NullReferenceException
        // in ArrowStreamWriter.WriteBufferData, apache/arrow-dotnet#397). Held until the bytes are out.
        GC.KeepAlive(batch);
        return stream.ToArray();
    }

    private static IArrowType ArrowTypeOf(Column column)
    {
        IArrowType scalar = column.Type switch
        {
            ColumnType.String => StringType.Default,
            ColumnType.Int64 => Int64Type.Default,
            ColumnType.Float64 => DoubleType.Default,
            ColumnType.Bool => BooleanType.Default,
            ColumnType.Date => Date32Type.Default,
            _ => new TimestampType(TimeUnit.Microsecond, "UTC"),
        };
        return column.Repeated ? new ListType(new Field("item", scalar, false)) : scalar;
    }

    private static IArrowArray Build(Column column, IEnumerable<object?> values)
    {
        if (!column.Repeated) return BuildScalars(column.Type, values);
        var list = values.Select(v => (IReadOnlyList<object>)(v ?? System.Array.Empty<object>())).ToArray();
        var items = BuildScalars(column.Type, list.SelectMany(l => l));
        var offsets = new ArrowBuffer.Builder<int>();
        var running = 0;
        offsets.Append(0);
        foreach (var l in list) offsets.Append(running += l.Count);
        return new ListArray((ListType)ArrowTypeOf(column), list.Length, offsets.Build(), items, ArrowBuffer.Empty, 0);
    }

    private static IArrowArray BuildScalars(ColumnType type, IEnumerable<object?> values)
    {
        switch (type)
        {
            case ColumnType.String:
            {
                var b = new StringArray.Builder();
                foreach (var v in values) if (v is null) b.AppendNull(); else b.Append((string)v);
                return b.Build();
            }
            case ColumnType.Int64:
            {
                var b = new Int64Array.Builder();
                foreach (var v in values) if (v is null) b.AppendNull(); else b.Append((long)v);
                return b.Build();
            }
            case ColumnType.Float64:
            {
                var b = new DoubleArray.Builder();
                foreach (var v in values) if (v is null) b.AppendNull(); else b.Append((double)v);
                return b.Build();
            }
            case ColumnType.Bool:
            {
                var b = new BooleanArray.Builder();
                foreach (var v in values) if (v is null) b.AppendNull(); else b.Append((bool)v);
                return b.Build();
            }
            case ColumnType.Date:
            {
                var b = new Date32Array.Builder();
                foreach (var v in values) if (v is null) b.AppendNull(); else b.Append(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)v));
                return b.Build();
            }
            default:
            {
                var b = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, "UTC"));
                foreach (var v in values) if (v is null) b.AppendNull(); else b.Append(DateTimeOffset.UnixEpoch.AddTicks((long)v * 10));
                return b.Build();
            }
        }
    }
}
