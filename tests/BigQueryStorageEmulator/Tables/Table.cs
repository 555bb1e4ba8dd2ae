using System.Globalization;

namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>
/// A table's rows. Plain appends add rows; CDC rows apply by primary key: UPSERT replaces the key's row, DELETE
/// removes it, and a change whose _CHANGE_SEQUENCE_NUMBER is below the one the key last saw is ignored, so an
/// older change arriving late never overwrites a newer one (a deleted key keeps its number for that). Without
/// sequence numbers the later arrival wins, as with BigQuery's ingestion-time order. Changes are applied at once:
/// this emulator reads with max_staleness 0.
/// </summary>
public sealed class Table
{
    private readonly object _gate = new();
    private readonly List<object?[]?> _rows = [];
    private readonly Dictionary<string, KeyState> _keys = new(StringComparer.Ordinal);

    public Table(TableDefinition definition) => Definition = definition;

    public TableDefinition Definition { get; }

    /// <summary>Told of every applied batch, inside the table's lock, so a journal records batches in apply order.</summary>
    public Action<Table, IReadOnlyList<TableRow>>? Applied { get; set; }

    public void Apply(IReadOnlyList<TableRow> rows)
    {
        lock (_gate)
        {
            Applied?.Invoke(this, rows);
            foreach (var row in rows)
            {
                if (row.Change == ChangeType.Append)
                {
                    _rows.Add(row.Values);
                    continue;
                }
                var key = Key(row.Values);
                if (_keys.TryGetValue(key, out var state))
                {
                    if (state.Sequence is not null && row.Sequence is not null && row.Sequence.CompareTo(state.Sequence) < 0) continue;
                    state.Sequence = row.Sequence ?? state.Sequence;
                    if (row.Change == ChangeType.Delete)
                    {
                        if (state.Index is { } i) _rows[i] = null;
                        state.Index = null;
                    }
                    else if (state.Index is { } i) _rows[i] = row.Values;
                    else
                    {
                        state.Index = _rows.Count;
                        _rows.Add(row.Values);
                    }
                    continue;
                }
                var added = new KeyState { Sequence = row.Sequence };
                if (row.Change == ChangeType.Upsert)
                {
                    added.Index = _rows.Count;
                    _rows.Add(row.Values);
                }
                _keys[key] = added;
            }
        }
    }

    /// <summary>The rows as a read session sees them now.</summary>
    public IReadOnlyList<object?[]> Snapshot()
    {
        lock (_gate) return _rows.Where(r => r is not null).Select(r => r!).ToArray();
    }

    private string Key(object?[] values) =>
        string.Join('\u001f', Definition.PrimaryKeyIndexes.Select(i => Convert.ToString(values[i], CultureInfo.InvariantCulture) ?? "\u0000"));

    private sealed class KeyState
    {
        public int? Index { get; set; }
        public ChangeSequenceNumber? Sequence { get; set; }
    }
}
