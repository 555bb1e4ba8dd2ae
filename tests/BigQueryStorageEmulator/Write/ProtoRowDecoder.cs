using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using StreamProcessor.BigQueryStorageEmulator.Tables;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;

namespace StreamProcessor.BigQueryStorageEmulator.Write;

/// <summary>
/// Decodes serialized rows with the writer's proto2 DescriptorProto, matching its fields to the table's columns by
/// name (case-insensitively, as BigQuery does). A descriptor that does not fit the table (a field with no column,
/// a type that cannot convert, a nested message) is rejected whole by <see cref="Create"/>; a row whose value does
/// not fit (a REQUIRED column missing, a date that is no date, bytes that are no proto) is a row error.
/// </summary>
public sealed class ProtoRowDecoder
{
    public const string ChangeTypeColumn = "_CHANGE_TYPE";
    public const string ChangeSequenceColumn = "_CHANGE_SEQUENCE_NUMBER";

    private readonly TableDefinition _table;
    private readonly Dictionary<int, Binding> _fields;

    private ProtoRowDecoder(TableDefinition table, Dictionary<int, Binding> fields, bool usesChangeType)
    {
        _table = table;
        _fields = fields;
        UsesChangeType = usesChangeType;
    }

    public bool UsesChangeType { get; }

    public static ProtoRowDecoder Create(DescriptorProto descriptor, TableDefinition table, out string? error)
    {
        var fields = new Dictionary<int, Binding>();
        var usesChangeType = false;
        foreach (var field in descriptor.Field)
        {
            var repeated = field.Label == Label.Repeated;
            if (string.Equals(field.Name, ChangeTypeColumn, StringComparison.OrdinalIgnoreCase) || string.Equals(field.Name, ChangeSequenceColumn, StringComparison.OrdinalIgnoreCase))
            {
                if (field.Type != FieldType.String || repeated)
                {
                    error = $"{field.Name} must be a singular string field";
                    return null!;
                }
                var isType = string.Equals(field.Name, ChangeTypeColumn, StringComparison.OrdinalIgnoreCase);
                usesChangeType |= isType;
                fields[field.Number] = new Binding(field.Name, isType ? Target.ChangeType : Target.ChangeSequence, -1, null, field.Type, false);
                continue;
            }
            if (table.IndexOf(field.Name) is not { } index)
            {
                error = $"Input schema has more fields than BigQuery schema, extra fields: '{field.Name}'";
                return null!;
            }
            var column = table.Columns[index];
            if (column.Repeated != repeated)
            {
                error = $"field {field.Name}: column {column.Name} is {(column.Repeated ? "REPEATED" : "not REPEATED")} but the proto field is {(repeated ? "repeated" : "not repeated")}";
                return null!;
            }
            if (!Converts(field.Type, column.Type))
            {
                error = $"field {field.Name}: proto type {field.Type} cannot be written to a {column.Type.ToString().ToUpperInvariant()} column";
                return null!;
            }
            fields[field.Number] = new Binding(field.Name, Target.Column, index, column, field.Type, repeated);
        }
        if (usesChangeType && table.PrimaryKey.Count == 0)
        {
            error = $"{table.Dataset}.{table.Name} has no primary key; _CHANGE_TYPE needs one";
            return null!;
        }
        error = null;
        return new ProtoRowDecoder(table, fields, usesChangeType);
    }

    public TableRow? Decode(ByteString serialized, out string? error)
    {
        var values = new object?[_table.Columns.Count];
        var lists = new Dictionary<int, List<object>>();
        var change = ChangeType.Append;
        ChangeSequenceNumber? sequence = null;
        try
        {
            var input = new CodedInputStream(serialized.ToByteArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var number = WireFormat.GetTagFieldNumber(tag);
                var wire = WireFormat.GetTagWireType(tag);
                if (!_fields.TryGetValue(number, out var binding))
                {
                    input.SkipLastField();
                    continue;
                }
                if (binding.Repeated && wire == WireFormat.WireType.LengthDelimited && binding.ProtoType != FieldType.String)
                {
                    var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
                    while (!packed.IsAtEnd) Add(lists, binding, ReadScalar(packed, binding, PackedWireType(binding.ProtoType)));
                    continue;
                }
                var value = ReadScalar(input, binding, wire);
                switch (binding.Target)
                {
                    case Target.ChangeType:
                        change = ((string)value).ToUpperInvariant() switch
                        {
                            "UPSERT" => ChangeType.Upsert,
                            "DELETE" => ChangeType.Delete,
                            _ => throw new RowException($"_CHANGE_TYPE '{value}' is neither UPSERT nor DELETE"),
                        };
                        break;
                    case Target.ChangeSequence:
                        if (!ChangeSequenceNumber.TryParse((string)value, out sequence, out var sequenceError)) throw new RowException(sequenceError!);
                        break;
                    default:
                        if (binding.Repeated) Add(lists, binding, value);
                        else values[binding.Index] = value;
                        break;
                }
            }
        }
        catch (RowException e)
        {
            error = e.Message;
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            error = "the row is not a valid serialized proto for the writer schema: " + e.Message;
            return null;
        }
        foreach (var (index, list) in lists) values[index] = list;
        for (var i = 0; i < values.Length; i++)
        {
            var column = _table.Columns[i];
            if (column.Repeated && values[i] is null) values[i] = new List<object>();
            if (column.Required && values[i] is null && change != ChangeType.Delete)
            {
                error = $"missing required field {column.Name}";
                return null;
            }
        }
        if (change != ChangeType.Append)
            foreach (var k in _table.PrimaryKeyIndexes)
                if (values[k] is null)
                {
                    error = $"{change.ToString().ToUpperInvariant()} row has no value for primary key column {_table.Columns[k].Name}";
                    return null;
                }
        error = null;
        return new TableRow(values, change, sequence);
    }

    private static void Add(Dictionary<int, List<object>> lists, Binding binding, object value)
    {
        if (!lists.TryGetValue(binding.Index, out var list)) lists[binding.Index] = list = [];
        list.Add(value);
    }

    private static object ReadScalar(CodedInputStream input, Binding binding, WireFormat.WireType wire)
    {
        var expected = PackedWireType(binding.ProtoType);
        if (binding.ProtoType == FieldType.String) expected = WireFormat.WireType.LengthDelimited;
        if (wire != expected) throw new RowException($"field {binding.Name}: wire type {wire} does not match its declared type {binding.ProtoType}");
        object raw = binding.ProtoType switch
        {
            FieldType.String => Utf8(input.ReadBytes(), binding.Name),
            FieldType.Double => input.ReadDouble(),
            FieldType.Float => (double)input.ReadFloat(),
            FieldType.Bool => input.ReadBool(),
            FieldType.Int64 => input.ReadInt64(),
            FieldType.Int32 => (long)input.ReadInt32(),
            FieldType.Uint32 => (long)input.ReadUInt32(),
            FieldType.Uint64 => (long)input.ReadUInt64(),
            FieldType.Sint32 => (long)input.ReadSInt32(),
            FieldType.Sint64 => input.ReadSInt64(),
            FieldType.Fixed32 => (long)input.ReadFixed32(),
            FieldType.Fixed64 => (long)input.ReadFixed64(),
            FieldType.Sfixed32 => (long)input.ReadSFixed32(),
            FieldType.Sfixed64 => input.ReadSFixed64(),
            _ => throw new RowException($"field {binding.Name}: proto type {binding.ProtoType} is not supported"),
        };
        return binding.Column is null ? raw : Convert(raw, binding);
    }

    private static object Convert(object raw, Binding binding) => binding.Column!.Type switch
    {
        ColumnType.Date when raw is string s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber
            : throw new RowException($"field {binding.Name}: '{s}' is not a DATE (YYYY-MM-DD)"),
        ColumnType.Date => checked((int)(long)raw),
        ColumnType.Timestamp when raw is string s => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? (t.UtcTicks - DateTime.UnixEpoch.Ticks) / 10
            : throw new RowException($"field {binding.Name}: '{s}' is not a TIMESTAMP"),
        _ => raw,
    };

    private static string Utf8(ByteString bytes, string field)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new RowException($"field {field}: the string is not valid UTF-8");
        }
    }

    private static WireFormat.WireType PackedWireType(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.Sfixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.Sfixed32 => WireFormat.WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
        _ => WireFormat.WireType.Varint,
    };

    private static bool Converts(FieldType proto, ColumnType column) => column switch
    {
        ColumnType.String => proto == FieldType.String,
        ColumnType.Bool => proto == FieldType.Bool,
        ColumnType.Float64 => proto is FieldType.Double or FieldType.Float,
        ColumnType.Int64 => IsInteger(proto),
        ColumnType.Date => proto is FieldType.Int32 or FieldType.Int64 or FieldType.String,
        ColumnType.Timestamp => proto is FieldType.Int64 or FieldType.String,
        _ => false,
    };

    private static bool IsInteger(FieldType proto) => proto is FieldType.Int32 or FieldType.Int64 or FieldType.Uint32 or FieldType.Uint64
        or FieldType.Sint32 or FieldType.Sint64 or FieldType.Fixed32 or FieldType.Fixed64 or FieldType.Sfixed32 or FieldType.Sfixed64;

    private enum Target { Column, ChangeType, ChangeSequence }

    private sealed record Binding(string Name, Target Target, int Index, Column? Column, FieldType ProtoType, bool Repeated);

    private sealed class RowException(string message) : Exception(message);
}
