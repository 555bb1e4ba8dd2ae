using System.Collections;
using System.Reflection;
using System.Text;
using global::Google.Protobuf;
using global::Google.Protobuf.Reflection;
using FieldType = global::Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;
using Label = global::Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;

namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>
/// The proto2 message a row type is written as: one field per public property, named in snake_case
/// (PlayerLookup -&gt; player_lookup). string is STRING, long/int INT64, double FLOAT64, bool BOOL, DateOnly DATE
/// (int32 days since 1970-01-01), DateTimeOffset TIMESTAMP (int64 microseconds), IReadOnlyList&lt;string|double|long&gt;
/// a REPEATED column. Non-nullable properties are `required`, nullable ones `optional` (absent = NULL).
/// A CDC schema adds the _CHANGE_TYPE and _CHANGE_SEQUENCE_NUMBER pseudo-columns.
/// </summary>
public sealed class ProtoRowSchema<T>
{
    private readonly Field[] _fields;
    private readonly int _changeTypeNumber;

    private ProtoRowSchema(IReadOnlyList<RowColumn<T>> columns, bool cdc)
    {
        var fields = columns.Select((c, i) => new Field(c, i + 1, ProtoTypeOf(c.Kind))).ToArray();
        _fields = fields;
        Cdc = cdc;
        _changeTypeNumber = fields.Length + 1;
        Descriptor = new DescriptorProto { Name = SnakeCase(typeof(T).Name) };
        foreach (var f in fields)
            Descriptor.Field.Add(new FieldDescriptorProto { Name = f.Column.Name, Number = f.Number, Type = f.ProtoType, Label = f.Column.Repeated ? Label.Repeated : f.Column.Required ? Label.Required : Label.Optional });
        if (cdc)
        {
            Descriptor.Field.Add(new FieldDescriptorProto { Name = "_CHANGE_TYPE", Number = _changeTypeNumber, Type = FieldType.String, Label = Label.Optional });
            Descriptor.Field.Add(new FieldDescriptorProto { Name = "_CHANGE_SEQUENCE_NUMBER", Number = _changeTypeNumber + 1, Type = FieldType.String, Label = Label.Optional });
        }
    }

    public DescriptorProto Descriptor { get; }

    public bool Cdc { get; }

    public IEnumerable<string> ColumnNames => _fields.Select(f => f.Column.Name);

    /// <summary>The schema of <typeparamref name="T"/>'s public properties, in declaration order.</summary>
    public static ProtoRowSchema<T> Create(bool cdc)
    {
        var nullability = new NullabilityInfoContext();
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead)
            .Select(p => Describe(p, nullability))
            .ToArray();
        return new ProtoRowSchema<T>(columns, cdc);
    }

    /// <summary>A schema of explicit columns.</summary>
    public static ProtoRowSchema<T> Create(bool cdc, IReadOnlyList<RowColumn<T>> columns) => new(columns, cdc);

    public ByteString Encode(T row, RowChange change, string? sequenceNumber)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer, leaveOpen: true);
        foreach (var field in _fields)
        {
            var value = field.Column.Value(row);
            if (value is null)
            {
                if (field.Column.Required && change != RowChange.Delete) throw new ArgumentException($"{typeof(T).Name}: column {field.Column.Name} is required but null");
                continue;
            }
            if (field.Column.Repeated)
                foreach (var item in (IEnumerable)value) WriteScalar(output, field, item);
            else WriteScalar(output, field, value);
        }
        if (Cdc)
        {
            output.WriteTag(_changeTypeNumber, WireFormat.WireType.LengthDelimited);
            output.WriteString(change == RowChange.Delete ? "DELETE" : "UPSERT");
            if (sequenceNumber is not null)
            {
                output.WriteTag(_changeTypeNumber + 1, WireFormat.WireType.LengthDelimited);
                output.WriteString(sequenceNumber);
            }
        }
        else if (change != RowChange.Append) throw new InvalidOperationException("UPSERT/DELETE need a CDC writer");
        output.Flush();
        return ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteScalar(CodedOutputStream output, Field field, object value)
    {
        switch (field.ProtoType)
        {
            case FieldType.String:
                output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
                output.WriteString((string)value);
                break;
            case FieldType.Double:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed64);
                output.WriteDouble(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case FieldType.Bool:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteBool((bool)value);
                break;
            case FieldType.Int32:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteInt32(((DateOnly)value).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
                break;
            default:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteInt64(value is DateTimeOffset t ? (t.UtcTicks - DateTime.UnixEpoch.Ticks) / 10 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static RowColumn<T> Describe(PropertyInfo property, NullabilityInfoContext nullability)
    {
        var type = property.PropertyType;
        var repeated = type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type);
        var element = repeated ? type.GetGenericArguments()[0] : Nullable.GetUnderlyingType(type) ?? type;
        var kind = element switch
        {
            _ when element == typeof(string) => ColumnKind.String,
            _ when element == typeof(double) || element == typeof(float) => ColumnKind.Float64,
            _ when element == typeof(bool) => ColumnKind.Bool,
            _ when element == typeof(long) || element == typeof(int) => ColumnKind.Int64,
            _ when element == typeof(DateOnly) => ColumnKind.Date,
            _ when element == typeof(DateTimeOffset) => ColumnKind.Timestamp,
            _ => throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: {type.Name} has no BigQuery column type here"),
        };
        var required = !repeated && nullability.Create(property).ReadState == NullabilityState.NotNull;
        return new RowColumn<T>(SnakeCase(property.Name), kind, required, repeated, row => property.GetValue(row));
    }

    private static FieldType ProtoTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.String => FieldType.String,
        ColumnKind.Float64 => FieldType.Double,
        ColumnKind.Bool => FieldType.Bool,
        ColumnKind.Date => FieldType.Int32,
        _ => FieldType.Int64,
    };

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var boundary = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (boundary) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private sealed record Field(RowColumn<T> Column, int Number, FieldType ProtoType);
}
