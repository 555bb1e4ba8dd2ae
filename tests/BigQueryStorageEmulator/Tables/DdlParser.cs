using System.Text.RegularExpressions;

namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>
/// Reads the subset of BigQuery DDL that deploy/bigquery/*.sql uses: CREATE SCHEMA (ignored: datasets follow from
/// the tables) and CREATE TABLE with STRING, INT64, FLOAT64, BOOL, DATE, TIMESTAMP and ARRAY&lt;T&gt; columns,
/// NOT NULL, and PRIMARY KEY (...) NOT ENFORCED. PARTITION BY, CLUSTER BY and OPTIONS shape storage and cost in
/// BigQuery, not what a read returns, so they are accepted and not modelled. Anything else is an error naming it.
/// </summary>
public static partial class DdlParser
{
    public static IReadOnlyList<TableDefinition> Parse(string sql, string source)
    {
        var tables = new List<TableDefinition>();
        foreach (var statement in Statements(StripComments(sql)))
        {
            if (SchemaStatement().IsMatch(statement)) continue;
            var create = CreateTable().Match(statement);
            if (!create.Success) throw new FormatException($"{source}: unsupported statement: {Abbreviate(statement)}");
            var id = create.Groups["id"].Value.Trim('`').Split('.');
            if (id.Length < 2) throw new FormatException($"{source}: table name {create.Groups["id"].Value} needs dataset.table");
            var (body, _) = SplitBody(statement, create.Length - 1, source); // the tail: PARTITION BY, CLUSTER BY, OPTIONS
            tables.Add(Table(id[^2], id[^1], body, source));
        }
        return tables;
    }

    private static TableDefinition Table(string dataset, string name, string body, string source)
    {
        var columns = new List<Column>();
        var key = new List<string>();
        foreach (var item in TopLevelItems(body))
        {
            var pk = PrimaryKey().Match(item);
            if (pk.Success)
            {
                key.AddRange(pk.Groups["cols"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                continue;
            }
            var col = ColumnDefinition().Match(item);
            if (!col.Success) throw new FormatException($"{source}: {dataset}.{name}: cannot read column definition '{item}'");
            var type = col.Groups["type"].Value.ToUpperInvariant();
            var repeated = false;
            var array = ArrayType().Match(type);
            if (array.Success)
            {
                repeated = true;
                type = array.Groups["element"].Value;
            }
            var required = col.Groups["notnull"].Success;
            if (repeated && required) throw new FormatException($"{source}: {dataset}.{name}.{col.Groups["name"].Value}: an ARRAY cannot be NOT NULL in BigQuery");
            columns.Add(new Column(col.Groups["name"].Value, ScalarType(type, $"{source}: {dataset}.{name}.{col.Groups["name"].Value}"), required, repeated));
        }
        return new TableDefinition(dataset, name, columns, key);
    }

    private static ColumnType ScalarType(string type, string where) => type switch
    {
        "STRING" => ColumnType.String,
        "INT64" or "INTEGER" => ColumnType.Int64,
        "FLOAT64" or "FLOAT" => ColumnType.Float64,
        "BOOL" or "BOOLEAN" => ColumnType.Bool,
        "DATE" => ColumnType.Date,
        "TIMESTAMP" => ColumnType.Timestamp,
        _ => throw new FormatException($"{where}: type {type} is not supported by the emulator"),
    };

    private static string StripComments(string sql) =>
        string.Join('\n', sql.Split('\n').Select(line => line.IndexOf("--", StringComparison.Ordinal) is var i and >= 0 ? line[..i] : line));

    private static IEnumerable<string> Statements(string sql) =>
        sql.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static (string Body, string Tail) SplitBody(string statement, int open, string source)
    {
        var depth = 0;
        for (var i = open; i < statement.Length; i++)
        {
            if (statement[i] == '(') depth++;
            else if (statement[i] == ')' && --depth == 0) return (statement[(open + 1)..i], statement[(i + 1)..]);
        }
        throw new FormatException($"{source}: unbalanced parentheses in {Abbreviate(statement)}");
    }

    private static IEnumerable<string> TopLevelItems(string body)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '(' or '<': depth++; break;
                case ')' or '>': depth--; break;
                case ',' when depth == 0:
                    if (body[start..i].Trim() is { Length: > 0 } item) yield return item;
                    start = i + 1;
                    break;
            }
        }
        if (body[start..].Trim() is { Length: > 0 } last) yield return last;
    }

    private static string Abbreviate(string s) => s.Length > 80 ? s[..80] + "..." : s;

    [GeneratedRegex(@"^CREATE\s+SCHEMA\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchemaStatement();

    [GeneratedRegex(@"^CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?(?<id>[`\w.\-]+)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^PRIMARY\s+KEY\s*\((?<cols>[^)]*)\)\s*NOT\s+ENFORCED$", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"^(?<name>\w+)\s+(?<type>ARRAY\s*<\s*\w+\s*>|\w+)(?<notnull>\s+NOT\s+NULL)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnDefinition();

    [GeneratedRegex(@"^ARRAY\s*<\s*(?<element>\w+)\s*>$")]
    private static partial Regex ArrayType();
}
