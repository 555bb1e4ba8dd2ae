using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_raw.odds_api_player_props</c>: every book's line and prices per player, date and prop.</summary>
public sealed class PropLinesTable(Warehouse warehouse)
{
    /// <summary>Upserts all rows in one transaction (a reload of a book's line replaces it): whole or not at all.</summary>
    public int Upsert(IReadOnlyList<SportsbookLine> rows, string loadedFrom)
    {
        using var connection = warehouse.Connect();
        using var tx = connection.BeginTransaction();
        var loadedAt = DateTime.UtcNow;
        StagedUpsert.Replace(connection, "nba_raw.odds_api_player_props", "player_lookup, game_date, prop_type, bookmaker", rows, (row, l) => row
            .AppendValue(l.PlayerLookup).AppendValue(l.PlayerName).AppendValue(l.GameDate).AppendValue(l.Prop.Code())
            .AppendValue(l.Line).AppendValue(l.OverPrice).AppendValue(l.UnderPrice).AppendValue(l.Bookmaker)
            .AppendValue(l.Source).AppendValue(loadedFrom).AppendValue(loadedAt));
        tx.Commit();
        return rows.Count;
    }

    public long Count(DateOnly? from = null, DateOnly? to = null)
    {
        using var connection = warehouse.Connect();
        return Sql.Scalar<long>(connection, "SELECT count(*) FROM nba_raw.odds_api_player_props WHERE game_date BETWEEN $1 AND $2",
            from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
    }

    /// <summary>The market's consensus per (player, date, prop) in [from, to], from the books that priced both sides.</summary>
    public IReadOnlyDictionary<(PlayerDate Key, PropType Prop), MarketLine> Consensus(DateOnly from, DateOnly to)
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, """
            SELECT player_lookup, game_date, prop_type, bookmaker, line, over_price, under_price
            FROM nba_raw.odds_api_player_props
            WHERE game_date BETWEEN $1 AND $2 AND over_price IS NOT NULL AND under_price IS NOT NULL
            ORDER BY bookmaker
            """, from, to);
        using var r = cmd.ExecuteReader();
        // Books in one order (bookmaker), so the consensus's means are the same to the last bit on either warehouse.
        var books = new Dictionary<(PlayerDate, PropType), List<BookLine>>();
        while (r.Read())
        {
            if (!PropTypes.TryParse(r.GetString(2), out var prop)) continue;
            var key = (new PlayerDate(r.GetString(0), r.GetFieldValue<DateOnly>(1)), prop);
            if (!books.TryGetValue(key, out var list)) books[key] = list = [];
            list.Add(new BookLine(r.GetString(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6)));
        }
        var consensus = new Dictionary<(PlayerDate, PropType), MarketLine>();
        foreach (var (key, list) in books)
            if (MarketLine.Consensus(list) is { } line) consensus[key] = line;
        return consensus;
    }
}
