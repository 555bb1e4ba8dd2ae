using System.Globalization;
using StreamProcessor.BigQueryStorageEmulator.Tables;

namespace StreamProcessor.BigQueryStorageEmulator.Read;

/// <summary>
/// The subset of a read session's row_restriction (a SQL WHERE clause) the emulator evaluates: comparisons of a
/// column with a literal (=, !=, &lt;&gt;, &lt;, &gt;, &lt;=, &gt;=), col IN (literals), AND and parentheses. Literals
/// are 'strings', numbers, TRUE/FALSE, DATE 'YYYY-MM-DD' and TIMESTAMP '...'; a string compared with a DATE or
/// TIMESTAMP column is read as one, as BigQuery coerces it. NULL matches nothing. Anything else is an error.
/// </summary>
public sealed class RowRestriction
{
    private readonly Func<object?[], bool> _predicate;

    private RowRestriction(Func<object?[], bool> predicate) => _predicate = predicate;

    public static RowRestriction All { get; } = new(_ => true);

    public bool Matches(object?[] row) => _predicate(row);

    public static RowRestriction Parse(string text, TableDefinition table)
    {
        if (string.IsNullOrWhiteSpace(text)) return All;
        var parser = new Parser(Tokenize(text), table);
        var predicate = parser.Conjunction();
        if (!parser.AtEnd) throw new FormatException($"row_restriction: unexpected '{parser.Peek}'");
        return new RowRestriction(predicate);
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0) throw new FormatException("row_restriction: unterminated string literal");
                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (c is '(' or ')' or ',') { tokens.Add(c.ToString()); i++; }
            else if (c is '<' or '>' or '=' or '!')
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "<=" or ">=" or "<>" or "!=") { tokens.Add(two); i += 2; }
                else if (c == '!') throw new FormatException("row_restriction: '!' must be '!='");
                else { tokens.Add(c.ToString()); i++; }
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '`')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.' or '`')) i++;
                tokens.Add(text[start..i]);
            }
            else throw new FormatException($"row_restriction: unexpected character '{c}'");
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens, TableDefinition table)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;
        public string Peek => AtEnd ? "end of input" : tokens[_at];

        public Func<object?[], bool> Conjunction()
        {
            var parts = new List<Func<object?[], bool>> { Term() };
            while (!AtEnd && Is("AND"))
            {
                _at++;
                parts.Add(Term());
            }
            return parts.Count == 1 ? parts[0] : row => parts.All(p => p(row));
        }

        private Func<object?[], bool> Term()
        {
            if (Peek == "(")
            {
                _at++;
                var inner = Conjunction();
                Expect(")");
                return inner;
            }
            var name = Next().Trim('`');
            var index = table.IndexOf(name) ?? throw new FormatException($"row_restriction: no column '{name}' in {table.Dataset}.{table.Name}");
            var column = table.Columns[index];
            if (column.Repeated) throw new FormatException($"row_restriction: {name} is an ARRAY and cannot be compared");
            if (Is("IN"))
            {
                _at++;
                Expect("(");
                var set = new List<object> { Literal(column) };
                while (Peek == ",") { _at++; set.Add(Literal(column)); }
                Expect(")");
                return row => row[index] is { } v && set.Any(s => Compare(v, s) == 0);
            }
            var op = Next();
            var literal = Literal(column);
            Func<int, bool> test = op switch
            {
                "=" => c => c == 0,
                "!=" or "<>" => c => c != 0,
                "<" => c => c < 0,
                ">" => c => c > 0,
                "<=" => c => c <= 0,
                ">=" => c => c >= 0,
                _ => throw new FormatException($"row_restriction: operator '{op}' is not supported (=, !=, <, >, <=, >=, IN, AND)"),
            };
            return row => row[index] is { } v && test(Compare(v, literal));
        }

        private object Literal(Column column)
        {
            var token = Next();
            if (token.Equals("DATE", StringComparison.OrdinalIgnoreCase) || token.Equals("TIMESTAMP", StringComparison.OrdinalIgnoreCase)) token = Next();
            var quoted = token.Length >= 2 && token[0] is '\'' or '"';
            var text = quoted ? token[1..^1] : token;
            try
            {
                return column.Type switch
                {
                    ColumnType.String when quoted => text,
                    ColumnType.Int64 when !quoted => long.Parse(text, CultureInfo.InvariantCulture),
                    ColumnType.Float64 when !quoted => double.Parse(text, CultureInfo.InvariantCulture),
                    ColumnType.Bool when !quoted => bool.Parse(text),
                    ColumnType.Date when quoted => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber,
                    ColumnType.Timestamp when quoted => (DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcTicks - DateTime.UnixEpoch.Ticks) / 10,
                    _ => throw new FormatException(),
                };
            }
            catch (FormatException)
            {
                throw new FormatException($"row_restriction: {token} is not a {column.Type.ToString().ToUpperInvariant()} literal for {column.Name}");
            }
        }

        private static int Compare(object value, object literal) => value switch
        {
            string s => string.CompareOrdinal(s, (string)literal),
            double d => d.CompareTo(System.Convert.ToDouble(literal, CultureInfo.InvariantCulture)),
            _ => ((IComparable)value).CompareTo(System.Convert.ChangeType(literal, value.GetType(), CultureInfo.InvariantCulture)),
        };

        private bool Is(string keyword) => !AtEnd && tokens[_at].Equals(keyword, StringComparison.OrdinalIgnoreCase);

        private string Next() => AtEnd ? throw new FormatException("row_restriction: unexpected end") : tokens[_at++];

        private void Expect(string token)
        {
            if (Next() != token) throw new FormatException($"row_restriction: expected '{token}'");
        }
    }
}
