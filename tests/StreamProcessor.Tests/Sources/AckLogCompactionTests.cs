using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Tests.Sources;

public class AckLogCompactionTests
{
    [Fact]
    public void A_long_history_is_compacted_at_start_into_a_high_water_mark_per_file_and_the_few_lines_above_it()
    {
        using var temp = new TempDirectory();
        var path = temp.File("acks.log");
        // 200,000 acknowledged lines in the old one-id-per-line format, over two files; b.jsonl misses 3 lines.
        var missing = new HashSet<int> { 5, 70_001, 99_999 };
        File.WriteAllLines(path, Enumerable.Range(1, 100_000).Select(i => $"a.jsonl:{i}")
            .Concat(Enumerable.Range(1, 100_000).Where(i => !missing.Contains(i)).Select(i => $"b.jsonl:{i}"))
            .Append("replay:2025-02-12:lebron-james"));
        var before = new FileInfo(path).Length;

        using (var log = AckLog.Open(path))
        {
            // a: one mark; b: one mark (4) plus what sits above its first gap, which is all of it but...
            Assert.True(log.IsAcknowledged("a.jsonl:100000"));
            Assert.False(log.IsAcknowledged("a.jsonl:100001"));
            Assert.All(missing, i => Assert.False(log.IsAcknowledged($"b.jsonl:{i}")));
            Assert.True(log.IsAcknowledged("b.jsonl:4") && log.IsAcknowledged("b.jsonl:6") && log.IsAcknowledged("b.jsonl:100000"));
            Assert.True(log.IsAcknowledged("replay:2025-02-12:lebron-james"));
            Assert.Equal(0, new FileInfo(path).Length); // compacted at start: the log is empty ...
        }
        // ... and the snapshot holds b's out-of-order lines, not the history.
        Assert.True(new FileInfo(path + ".snapshot").Length < before / 2);

        // Acknowledging the gaps folds b into a single mark: memory no longer grows with the history.
        using (var log = AckLog.Open(path))
        {
            log.Append([.. missing.Select(i => $"b.jsonl:{i}")]);
            Assert.Equal(3, log.EntriesInMemory); // a's mark, b's mark, the replay id
            log.Compact();
        }
        Assert.True(new FileInfo(path + ".snapshot").Length < 200);
        using var reopened = AckLog.Open(path);
        Assert.Equal(3, reopened.EntriesInMemory);
        Assert.True(reopened.IsAcknowledged("b.jsonl:70001"));
        Assert.False(reopened.IsAcknowledged("b.jsonl:100001"));
    }

    [Fact]
    public void Appending_compacts_the_log_every_so_many_ids_so_neither_file_grows_with_history()
    {
        using var temp = new TempDirectory();
        var path = temp.File("acks.log");
        using (var log = AckLog.Open(path, compactAfter: 100))
        {
            for (var i = 1; i <= 5_000; i += 10) log.Append([.. Enumerable.Range(i, 10).Select(n => $"day.jsonl:{n}")]);
            Assert.Equal(1, log.EntriesInMemory);
            Assert.True(File.ReadAllLines(path).Length < 100);
        }
        Assert.True(new FileInfo(path + ".snapshot").Length < 200);
        using var reopened = AckLog.Open(path, compactAfter: 100);
        Assert.True(reopened.IsAcknowledged("day.jsonl:5000"));
        Assert.False(reopened.IsAcknowledged("day.jsonl:5001"));
    }

    [Fact]
    public void A_log_of_distinct_ids_is_rewritten_as_it_doubles_not_every_so_many_ids()
    {
        using var temp = new TempDirectory();
        var path = temp.File("acks.log");
        var ids = Enumerable.Range(0, 6_400).Select(i => $"replay:2025-02-12:player-{i}:points").ToArray();
        using (var log = AckLog.Open(path, compactAfter: 100))
        {
            foreach (var chunk in ids.Chunk(50)) log.Append(chunk);
            // 100, 200, 400, ... 6,400 held: 7 snapshots, where one every 100 ids wrote 64 (each the whole state).
            Assert.Equal(7, log.Compactions);
            Assert.True(File.ReadAllLines(path).Length <= log.EntriesInMemory, "the log never holds more lines than the state");
        }
        using var reopened = AckLog.Open(path, compactAfter: 100);
        Assert.All(ids, id => Assert.True(reopened.IsAcknowledged(id)));
        Assert.False(reopened.IsAcknowledged("replay:2025-02-12:player-6400:points"));
    }

    [Fact]
    public void A_snapshot_written_before_fingerprints_still_acknowledges_its_ids_and_is_rewritten_without_them()
    {
        using var temp = new TempDirectory();
        var path = temp.File("acks.log");
        var longId = "requests:" + new string('é', 400); // past the stack buffer, and not ASCII
        File.WriteAllText(path + ".snapshot", "# stream ack snapshot v1\nR\t3\t5\ta.jsonl\nI\treplay:2025-02-12:lebron-james:points\nI\t" + longId + "\n");

        using (var log = AckLog.Open(path))
        {
            Assert.True(log.IsAcknowledged("replay:2025-02-12:lebron-james:points"));
            Assert.True(log.IsAcknowledged(longId));
            Assert.True(log.IsAcknowledged("a.jsonl:3") && log.IsAcknowledged("a.jsonl:5"));
            Assert.False(log.IsAcknowledged("a.jsonl:4"));
            Assert.False(log.IsAcknowledged("replay:2025-02-12:lebron-james:rebounds"));
            log.Append(["replay:2025-02-13:lebron-james:points"]);
            log.Compact();
        }
        var snapshot = File.ReadAllText(path + ".snapshot");
        Assert.DoesNotContain("lebron", snapshot);
        using var reopened = AckLog.Open(path);
        Assert.Equal(5, reopened.EntriesInMemory); // a's mark, the 5 above it, three fingerprints
        Assert.True(reopened.IsAcknowledged("replay:2025-02-13:lebron-james:points"));
        Assert.True(reopened.IsAcknowledged(longId));
        Assert.False(reopened.IsAcknowledged("replay:2025-02-14:lebron-james:points"));
    }

    [Fact]
    public void A_torn_last_line_is_ignored_and_the_rest_is_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.File("acks.log");
        File.WriteAllText(path, "a.jsonl:1\na.jsonl:2\na.jsonl:3");

        using var log = AckLog.Open(path);

        Assert.True(log.IsAcknowledged("a.jsonl:2"));
        Assert.False(log.IsAcknowledged("a.jsonl:3"));
        log.Append(["a.jsonl:4"]);
        Assert.Equal(["a.jsonl:1", "a.jsonl:2", "a.jsonl:4"], File.ReadAllLines(path));
    }
}
