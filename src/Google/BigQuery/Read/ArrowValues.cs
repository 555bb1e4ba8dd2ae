using Apache.Arrow;

namespace StreamProcessor.Google.BigQuery.Read;

/// <summary>One Arrow cell as a .NET value, for the types BigQuery's Arrow output uses here.</summary>
internal static class ArrowValues
{
    public static object? Get(IArrowArray array, int index)
    {
        if (array.IsNull(index)) return null;
        return array switch
        {
            StringArray s => s.GetString(index),
            Int64Array i => i.GetValue(index),
            DoubleArray d => d.GetValue(index),
            BooleanArray b => b.GetValue(index),
            Date32Array d => d.GetDateOnly(index),
            TimestampArray t => t.GetTimestamp(index),
            ListArray l => ListValues(l.GetSlicedValues(index)),
            _ => throw new NotSupportedException($"Arrow type {array.Data.DataType.Name} is not read here"),
        };
    }

    private static IReadOnlyList<object?> ListValues(IArrowArray values)
    {
        var list = new object?[values.Length];
        for (var i = 0; i < values.Length; i++) list[i] = Get(values, i);
        return list;
    }
}
