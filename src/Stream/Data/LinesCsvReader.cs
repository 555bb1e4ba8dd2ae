using System.Globalization;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Players;

namespace StreamProcessor.Stream.Data;

/// <summary>
/// Reads sportsbook lines (header <c>player_name,game_date,market,line,over_price,under_price,bookmaker,source</c>;
/// American odds; a price may be empty when a book showed one side only), checks every row and resolves each
/// player's name through the registry. Never throws for bad data: every problem is reported with its line number,
/// and the caller loads nothing when there is any.
/// </summary>
public static class LinesCsvReader
{
    public static readonly IReadOnlyList<string> Header = ["player_name", "game_date", "market", "line", "over_price", "under_price", "bookmaker", "source"];

    public const int MaxErrors = 100;

    public static (IReadOnlyList<SportsbookLine> Rows, IReadOnlyList<BoxScoreCsvError> Errors, bool MoreErrors) Read(
        TextReader reader, string sourceName, PlayerDirectory players)
    {
        var errors = new BoxScoreCsvErrorCollector(sourceName, MaxErrors);
        var rows = new List<SportsbookLine>();
        var records = new CsvRecordReader(reader);
        var fields = new List<string>();
        if (!records.TryReadRecord(fields, out var line, out var problem))
        {
            errors.Add(1, null, "the file is empty; expected a header line", null);
            return (rows, errors.Errors, false);
        }
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++) index.TryAdd(fields[i].Trim().TrimStart('\uFEFF'), i);
        var missing = Header.Where(h => !index.ContainsKey(h)).ToArray();
        foreach (var column in missing) errors.Add(line, column, "required column is missing from the header", null);
        if (problem is not null) errors.Add(line, null, $"header: {problem}", string.Join(',', fields));
        if (errors.Errors.Count > 0) return (rows, errors.Errors, false);
        var fieldCount = fields.Count;
        var seen = new Dictionary<(string, DateOnly, PropType, string), int>();

        while (!errors.Overflowed && records.TryReadRecord(fields, out line, out problem))
        {
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0])) continue;
            if (problem is not null || fields.Count != fieldCount)
            {
                errors.Add(line, null, problem ?? $"expected {fieldCount} fields like the header, got {fields.Count}", string.Join(',', fields));
                continue;
            }
            var failed = false;
            string Field(string column) => fields[index[column]].Trim();
            void Fail(string column, string reason) { failed = true; errors.Add(line, column, reason, Field(column)); }

            var name = Field("player_name");
            var resolution = players.Resolve(name);
            if (name.Length == 0) Fail("player_name", "player name is empty");
            else if (resolution.Match == PlayerMatch.Ambiguous) Fail("player_name", $"could be any of {string.Join(", ", resolution.Candidates)}: add an alias");
            else if (resolution.Lookup is null) Fail("player_name", $"no such player in the box scores (closest: {string.Join(", ", resolution.Candidates)}); add an alias or load his box scores");
            if (!DateOnly.TryParseExact(Field("game_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Fail("game_date", "expected a date as YYYY-MM-DD");
            if (!PropTypes.TryParse(Field("market"), out var prop))
                Fail("market", $"expected one of {string.Join(", ", PropTypes.All.Select(p => p.Code()))}");
            if (!double.TryParse(Field("line"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0 || value > 100)
                Fail("line", "expected a number in (0, 100]");
            double? Price(string column)
            {
                var text = Field(column);
                if (text.Length == 0) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var odds) && AmericanOdds.IsValid(odds)) return odds;
                Fail(column, "expected American odds (a number with |odds| >= 100) or nothing");
                return null;
            }
            var over = Price("over_price");
            var under = Price("under_price");
            if (Field("over_price").Length == 0 && Field("under_price").Length == 0) Fail("over_price", "a line needs at least one price");
            var book = Field("bookmaker").ToLowerInvariant();
            if (book.Length == 0) Fail("bookmaker", "bookmaker is empty");
            if (failed) continue;
            var key = (resolution.Lookup!, date, prop, book);
            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(line, null, $"a second line for {resolution.Lookup} {date:yyyy-MM-dd} {prop.Code()} at {book} (the first is on line {first})", null);
                continue;
            }
            seen[key] = line;
            rows.Add(new SportsbookLine
            {
                PlayerLookup = resolution.Lookup!, PlayerName = name, GameDate = date, Prop = prop, Line = value,
                OverPrice = over, UnderPrice = under, Bookmaker = book, Source = Field("source"),
            });
        }
        return (rows, errors.Errors, errors.Overflowed);
    }
}
