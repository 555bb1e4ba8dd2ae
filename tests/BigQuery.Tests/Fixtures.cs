using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Write;

namespace StreamProcessor.Google.BigQuery.Tests;

internal static class Fixtures
{
    public static readonly DateOnly Feb12 = new(2025, 2, 12);
    public static readonly DateTimeOffset Noon = new(2025, 2, 12, 12, 0, 0, TimeSpan.Zero);

    public static PredictionEventRow Event(string requestId, long predictions, string player = "lebronjames", DateOnly? date = null) =>
        new(requestId, player, date ?? Feb12, "0022400777", ["ensemble_v1", "xgboost_v1"], [], predictions, Noon);

    public static DeadLetterRow DeadLetter(string id, string? payload = null) =>
        new(id, "req-" + id, null, "invalid_prop_type", "prop_type 'blocks' is not one of points, rebounds, assists, threes", "lebronjames", Feb12, payload, Noon);

    public static TableReference Events(this BigQueryStorage storage) => storage.Table("nba_predictions", "prediction_events");

    public static TableReference DeadLetters(this BigQueryStorage storage) => storage.Table("nba_predictions", "dead_letter");

    public static StorageWriter<PredictionEventRow> EventWriter(this BigQueryStorage storage) =>
        storage.Writer<PredictionEventRow>(new StorageWriterOptions { Table = storage.Events(), Cdc = true });

    public static Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(this BigQueryStorage storage, TableReference table, string? restriction = null, params string[] fields) =>
        storage.Reader.ReadRowsAsync(new ReadRequest(table, fields.Length > 0 ? fields : null, restriction));
}
