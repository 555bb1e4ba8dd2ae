using System.Globalization;

namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>
/// _CHANGE_SEQUENCE_NUMBER as BigQuery documents it: up to four sections of up to 16 hexadecimal digits each,
/// separated by '/', compared section by section as unsigned numbers ("A/1" &gt; "9/FFFF").
/// </summary>
public sealed class ChangeSequenceNumber : IComparable<ChangeSequenceNumber>
{
    private readonly ulong[] _sections;
    private readonly string _text;

    private ChangeSequenceNumber(ulong[] sections, string text)
    {
        _sections = sections;
        _text = text;
    }

    public override string ToString() => _text;

    public static bool TryParse(string text, out ChangeSequenceNumber? value, out string? error)
    {
        value = null;
        var parts = text.Split('/');
        if (text.Length == 0 || parts.Length > 4)
        {
            error = $"_CHANGE_SEQUENCE_NUMBER '{text}' must be 1 to 4 sections of hexadecimal digits separated by '/'";
            return false;
        }
        var sections = new ulong[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length is 0 or > 16 || !ulong.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out sections[i]))
            {
                error = $"_CHANGE_SEQUENCE_NUMBER '{text}': section '{parts[i]}' is not 1 to 16 hexadecimal digits";
                return false;
            }
        }
        value = new ChangeSequenceNumber(sections, text);
        error = null;
        return true;
    }

    public int CompareTo(ChangeSequenceNumber? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < Math.Max(_sections.Length, other._sections.Length); i++)
        {
            var a = i < _sections.Length ? _sections[i] : 0;
            var b = i < other._sections.Length ? other._sections[i] : 0;
            if (a != b) return a.CompareTo(b);
        }
        return 0;
    }
}
