using StreamProcessor.Google.BigQuery.Sinks;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Synthesis;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>The BigQuery feature store answers exactly what the embedded one does, from one read per game date.</summary>
public sealed class BigQueryFeatureStoreTests
{
    [Fact]
    public async Task A_game_dates_features_and_history_equal_the_embedded_stores_and_are_read_once()
    {
        var season = SeasonGenerator.Generate(new SeasonGeneratorOptions
        {
            Seed = 7, Teams = ["Lakers", "Celtics", "Warriors", "Knicks", "Heat", "Nuggets"],
            FirstDate = new DateOnly(2024, 10, 22), LastDate = new DateOnly(2024, 12, 15), GamesPerTeam = 24,
        });
        var features = FeatureBuilder.Build(season);
        var day = features.Select(f => f.GameDate).Distinct().Order().Skip(30).First();
        var keys = features.Where(f => f.GameDate == day).Select(f => f.Key).Append(new PlayerDate("nobody", day)).ToArray();

        var temp = Path.Combine(Path.GetTempPath(), "bq-feature-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            IReadOnlyDictionary<PlayerDate, StreamProcessor.Sinks.Features.FeatureRecord> embedded;
            using (var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp))
            {
                new BoxScoreTable(warehouse).Upsert(season, "synthetic");
                var table = new FeatureTable(warehouse);
                table.Upsert(features);
                embedded = await table.LoadAsync(keys, CancellationToken.None);
            }

            await using var emulator = await EmulatorProcess.StartAsync();
            using var storage = emulator.Connect();
            await using (var boxWriter = storage.Writer<BoxScoreTableRow>(new StorageWriterOptions { Table = storage.Table(BoxScoreTableRow.Dataset, BoxScoreTableRow.Table), Cdc = true }))
                Assert.Empty((await boxWriter.WriteAsync(season.Select(b => new PendingRow<BoxScoreTableRow>(BoxScoreTableRow.From(b, "synthetic", DateTimeOffset.UtcNow))).ToArray())).Failures);
            await using (var featureWriter = storage.Writer(new StorageWriterOptions { Table = storage.Table(FeatureRowSchema.Dataset, FeatureRowSchema.Table), Cdc = true }, FeatureRowSchema.Create()))
                Assert.Empty((await featureWriter.WriteAsync(features.Select(f => new PendingRow<FeatureRow>(new FeatureRow(f, DateTimeOffset.UtcNow))).ToArray())).Failures);
            var store = new BigQueryFeatureStore(storage.Reader, EmulatorProcess.Project);

            var fromBigQuery = await store.LoadAsync(keys, CancellationToken.None);

            Assert.True(embedded.Count > 20);
            Assert.Equal(embedded.Keys.ToHashSet(), fromBigQuery.Keys.ToHashSet());
            Assert.DoesNotContain(new PlayerDate("nobody", day), fromBigQuery.Keys);
            foreach (var (key, expected) in embedded)
            {
                var actual = fromBigQuery[key];
                Assert.Equal(expected.Features.Values.ToArray(), actual.Features.Values.ToArray());
                Assert.Equal((expected.Features.GameId, expected.Features.Team, expected.Features.Opponent, expected.Features.FeatureVersion),
                    (actual.Features.GameId, actual.Features.Team, actual.Features.Opponent, actual.Features.FeatureVersion));
                Assert.Equal(expected.History, actual.History);
            }
            Assert.Contains(embedded.Values, r => r.History.Count > 5);
            Assert.Equal(3, store.ReadSessions);

            // The rest of the day's batches cost nothing more.
            await store.LoadAsync(keys.Take(5).ToArray(), CancellationToken.None);
            await store.LoadAsync(keys.Skip(5).ToArray(), CancellationToken.None);
            Assert.Equal(3, store.ReadSessions);
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
        }
    }
}
