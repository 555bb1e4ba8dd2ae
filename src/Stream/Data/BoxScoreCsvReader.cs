using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Data;

/// <summary>
/// Reads box scores in the public file format (header <c>firstName,gameDate,playerteamName,...</c>)
/// from any text source, streaming, and checks every row. Columns may come in any order and
/// extra columns are ignored. The reader never throws for bad data: it reports it, and the
/// caller decides (a file with any error must not be loaded).
/// </summary>
public static class BoxScoreCsvReader
{
    public static BoxScoreCsvResult Read(TextReader reader, string sourceName, BoxScoreCsvReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new BoxScoreCsvReaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxErrors, 1, nameof(options.MaxErrors));

        var errors = new BoxScoreCsvErrorCollector(sourceName, options.MaxErrors);
        var rows = new List<BoxScore>();
        var records = new CsvRecordReader(reader);
        var fields = new List<string>();

        BoxScoreCsvResult Result() => new()
        {
            SourceName = sourceName,
            Rows = rows,
            Errors = errors.Errors,
            StoppedAtErrorLimit = errors.Overflowed,
        };

        int line;
        string? problem;
        do
        {
            if (!records.TryReadRecord(fields, out line, out problem))
            {
                errors.Add(1, null, "the file is empty; expected a header line", null);
                return Result();
            }
        } while (IsBlank(fields));

        var columnIndex = ReadHeader(fields, line, problem, errors);
        if (columnIndex is null) return Result();

        var fieldCount = fields.Count;
        var parser = new BoxScoreRowParser(columnIndex, errors);
        while (!errors.Overflowed && records.TryReadRecord(fields, out line, out problem))
        {
            if (IsBlank(fields)) continue;
            if (problem is not null)
            {
                errors.Add(line, null, problem, string.Join(',', fields));
                continue;
            }
            if (fields.Count != fieldCount)
            {
                errors.Add(line, null, $"expected {fieldCount} fields like the header, got {fields.Count}", string.Join(',', fields));
                continue;
            }
            if (parser.Parse(fields, line) is { } row) rows.Add(row);
        }
        return Result();
    }

    /// <summary>Maps column name to field position, or returns null when the header is unusable.</summary>
    private static Dictionary<string, int>? ReadHeader(List<string> fields, int line, string? problem, BoxScoreCsvErrorCollector errors)
    {
        if (problem is not null)
        {
            errors.Add(line, null, $"header: {problem}", string.Join(',', fields));
            return null;
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var usable = true;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim();
            if (!index.TryAdd(name, i) && BoxScoreCsvColumns.Header.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(line, name, "column appears more than once in the header", null);
                usable = false;
            }
        }
        foreach (var required in BoxScoreCsvColumns.Required.Where(c => !index.ContainsKey(c)))
        {
            errors.Add(line, required, "required column is missing from the header", null);
            usable = false;
        }
        return usable ? index : null;
    }

    private static bool IsBlank(List<string> fields) => fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]);
}
