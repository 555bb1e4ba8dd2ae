using Google.Cloud.BigQuery.Storage.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using StreamProcessor.BigQueryStorageEmulator.Tables;
using ErrorCode = Google.Cloud.BigQuery.Storage.V1.StorageError.Types.StorageErrorCode;
using StreamType = Google.Cloud.BigQuery.Storage.V1.WriteStream.Types.Type;

namespace StreamProcessor.BigQueryStorageEmulator.Write;

/// <summary>
/// One write stream. `_default` and COMMITTED rows are visible at once; BUFFERED rows when FlushRows reaches
/// them; PENDING rows when the finalized stream is committed by BatchCommitWriteStreams. Application-created
/// streams take offsets: an offset below the stream's end is ALREADY_EXISTS, above it OUT_OF_RANGE, so a writer
/// that resends after a broken connection never appends twice. `_default` takes none (at-least-once).
/// </summary>
public sealed class WriteStreamState
{
    private readonly object _gate = new();
    private readonly List<TableRow> _buffered = [];
    private long _rowCount;
    private long _flushedTo;

    public WriteStreamState(string name, Table table, StreamType type, bool isDefault)
    {
        Name = name;
        Table = table;
        Type = type;
        IsDefault = isDefault;
        CreateTime = Timestamp.FromDateTime(DateTime.UtcNow);
    }

    public string Name { get; }
    public Table Table { get; }
    public StreamType Type { get; }
    public bool IsDefault { get; }
    public Timestamp CreateTime { get; }
    public bool Finalized { get; private set; }
    public Timestamp? CommitTime { get; private set; }

    /// <summary>Appends the rows (all or none) and returns the offset of the first.</summary>
    public long Append(long? offset, IReadOnlyList<TableRow> rows)
    {
        lock (_gate)
        {
            if (IsDefault && offset is not null)
                throw new AppendError(StatusCode.InvalidArgument, ErrorCode.Unspecified, Name, "offsets are not supported on the _default stream");
            if (Finalized)
                throw new AppendError(StatusCode.InvalidArgument, ErrorCode.StreamFinalized, Name, $"stream {Name} is finalized");
            if (offset < _rowCount)
                throw new AppendError(StatusCode.AlreadyExists, ErrorCode.OffsetAlreadyExists, Name, $"offset {offset} already exists: the stream has {_rowCount} rows");
            if (offset > _rowCount)
                throw new AppendError(StatusCode.OutOfRange, ErrorCode.OffsetOutOfRange, Name, $"offset {offset} is beyond the end of the stream ({_rowCount} rows)");
            var start = _rowCount;
            if (Type == StreamType.Committed) Table.Apply(rows);
            else _buffered.AddRange(rows);
            _rowCount += rows.Count;
            return start;
        }
    }

    public long Count
    {
        get { lock (_gate) return _rowCount; }
    }

    public long FinalizeStream()
    {
        lock (_gate)
        {
            if (IsDefault) throw new AppendError(StatusCode.InvalidArgument, ErrorCode.InvalidStreamType, Name, "the _default stream cannot be finalized");
            Finalized = true;
            return _rowCount;
        }
    }

    /// <summary>Makes a BUFFERED stream's rows up to and including <paramref name="offset"/> visible.</summary>
    public long Flush(long offset)
    {
        lock (_gate)
        {
            if (Type != StreamType.Buffered) throw new AppendError(StatusCode.InvalidArgument, ErrorCode.InvalidStreamType, Name, "FlushRows needs a BUFFERED stream");
            if (offset >= _rowCount) throw new AppendError(StatusCode.OutOfRange, ErrorCode.OffsetOutOfRange, Name, $"flush offset {offset} is beyond the end of the stream ({_rowCount} rows)");
            if (offset + 1 > _flushedTo)
            {
                Table.Apply(_buffered.GetRange((int)_flushedTo, (int)(offset + 1 - _flushedTo)));
                _flushedTo = offset + 1;
            }
            return offset;
        }
    }

    /// <summary>Checks that the stream can be committed (a finalized PENDING stream not yet committed).</summary>
    public StorageError? CommitProblem()
    {
        lock (_gate)
        {
            if (Type != StreamType.Pending) return new StorageError { Code = ErrorCode.InvalidStreamType, Entity = Name, ErrorMessage = "only PENDING streams are committed" };
            if (!Finalized) return new StorageError { Code = ErrorCode.InvalidStreamState, Entity = Name, ErrorMessage = "the stream is not finalized" };
            if (CommitTime is not null) return new StorageError { Code = ErrorCode.StreamAlreadyCommitted, Entity = Name, ErrorMessage = "the stream is already committed" };
            return null;
        }
    }

    public void Commit(Timestamp time)
    {
        lock (_gate)
        {
            Table.Apply(_buffered);
            _buffered.Clear();
            CommitTime = time;
        }
    }
}
