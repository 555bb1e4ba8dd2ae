using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>
/// --data FILE: every batch applied to a table is appended to the file as one JSON line (table, rows with their
/// change type and sequence number) and replayed through the same CDC rules on start, so committed data and each
/// key's last sequence number survive a restart. Write streams themselves (offsets, PENDING buffers) do not, as a
/// stream does not outlive its writer's session here. A line cut short by a crash is ignored on replay.
/// </summary>
public sealed class TableJournal : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    private TableJournal(StreamWriter writer) => _writer = writer;

    public static TableJournal Open(string path, Catalog catalog)
    {
        var replayed = 0;
        if (File.Exists(path))
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0) continue;
                JsonNode? entry;
                try
                {
                    entry = JsonNode.Parse(line);
                }
                catch (JsonException)
                {
                    Console.Error.WriteLine($"bigquery-storage-emulator: {path}: ignoring a journal line cut short");
                    continue;
                }
                var table = catalog.Tables.FirstOrDefault(t => $"{t.Definition.Dataset}.{t.Definition.Name}" == (string?)entry!["table"])
                    ?? throw new FormatException($"{path}: table {(string?)entry!["table"]} is not in the DDL");
                table.Apply(entry!["rows"]!.AsArray().Select(r => Row(r!, table.Definition)).ToArray());
                replayed++;
            }
        var journal = new TableJournal(new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true });
        foreach (var table in catalog.Tables) table.Applied = journal.Record;
        Console.WriteLine($"journal {path}: {replayed} batches replayed");
        return journal;
    }

    private void Record(Table table, IReadOnlyList<TableRow> rows)
    {
        var entry = new JsonObject
        {
            ["table"] = $"{table.Definition.Dataset}.{table.Definition.Name}",
            ["rows"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["change"] = r.Change.ToString(),
                ["sequence"] = r.Sequence?.ToString(),
                ["values"] = new JsonArray(r.Values.Select(Value).ToArray()),
            }).ToArray()),
        };
        lock (_gate) _writer.WriteLine(entry.ToJsonString());
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        List<object> list => new JsonArray(list.Select(Value).ToArray()),
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d when double.IsFinite(d) => JsonValue.Create(d),
        double d => JsonValue.Create(d.ToString(System.Globalization.CultureInfo.InvariantCulture)), // NaN and infinities have no JSON number
        bool b => JsonValue.Create(b),
        _ => throw new InvalidOperationException($"cannot journal a {value.GetType().Name}"),
    };

    private static TableRow Row(JsonNode node, TableDefinition definition)
    {
        var values = node["values"]!.AsArray();
        var row = new object?[definition.Columns.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var column = definition.Columns[i];
            row[i] = values[i] is not { } v ? null
                : column.Repeated ? v.AsArray().Select(e => Scalar(e!, column.Type)).ToList()
                : Scalar(v, column.Type);
        }
        ChangeSequenceNumber? sequence = null;
        if ((string?)node["sequence"] is { } text && !ChangeSequenceNumber.TryParse(text, out sequence, out var error)) throw new FormatException(error);
        return new TableRow(row, Enum.Parse<ChangeType>((string)node["change"]!), sequence);
    }

    private static object Scalar(JsonNode node, ColumnType type) => type switch
    {
        ColumnType.String => node.GetValue<string>(),
        ColumnType.Int64 or ColumnType.Timestamp => node.GetValue<long>(),
        ColumnType.Float64 when node.GetValueKind() == JsonValueKind.String => double.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Float64 => node.GetValue<double>(),
        ColumnType.Bool => node.GetValue<bool>(),
        _ => node.GetValue<int>(),
    };

    public void Dispose() => _writer.Dispose();
}
