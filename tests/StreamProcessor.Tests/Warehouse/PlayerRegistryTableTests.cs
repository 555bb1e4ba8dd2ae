using StreamProcessor.Sinks.Warehouse;

namespace StreamProcessor.Tests.Warehouse;

public class PlayerRegistryTableTests
{
    [Fact]
    public void Loading_copies_the_aliases_file_only_when_it_says_something_new()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        WarehouseQuery.Rows(warehouse.Path, """
            INSERT INTO nba_reference.nba_players_registry VALUES
              ('lebron-james', 'LeBron James', 'LAL', DATE '2024-10-22', DATE '2025-02-12', 50, now()),
              ('anthony-davis', 'Anthony Davis', 'DAL', DATE '2024-10-22', DATE '2025-02-12', 48, now())
            """);
        var file = Path.Combine(temp.Path, "player-aliases.csv");
        File.WriteAllLines(file, ["alias,player_lookup,note", "king james,lebron-james,"]);
        var registry = new PlayerRegistryTable(warehouse, file);
        List<object[]> Aliases() => WarehouseQuery.Rows(warehouse.Path, "SELECT alias, player_lookup, updated_at FROM nba_reference.player_aliases ORDER BY alias");

        Assert.Equal("lebron-james", registry.Load().Resolve("King James").Lookup);
        var copied = Aliases();
        Assert.Equal(["king james"], copied.Select(r => (string)r[0]));

        // The same file again: the stored copy stands as it was written (no rewrite on the way of a request).
        Assert.Equal("lebron-james", registry.Load().Resolve("King James").Lookup);
        Assert.Equal(copied[0][2], Aliases()[0][2]);

        // An edited file is copied; a removed one leaves no alias behind.
        File.WriteAllLines(file, ["alias,player_lookup,note", "the brow,anthony-davis,"]);
        Assert.Equal("anthony-davis", registry.Load().Resolve("The Brow").Lookup);
        Assert.Equal(["the brow"], Aliases().Select(r => (string)r[0]));
        File.Delete(file);
        registry.Load();
        Assert.Empty(Aliases());
    }
}
