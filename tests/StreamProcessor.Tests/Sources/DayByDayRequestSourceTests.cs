using System.Text;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Tests.Sources;

public class DayByDayRequestSourceTests
{
    private static readonly DateOnly First = new(2025, 2, 10);

    [Fact]
    public async Task Each_day_is_built_only_once_the_day_before_is_being_delivered_so_a_long_range_holds_two_days_at_most()
    {
        var built = new List<DateOnly>();
        IReadOnlyList<SourceMessage> RequestsOf(DateOnly day)
        {
            lock (built) built.Add(day);
            // 2025-02-11 has no games: a day without requests is passed over, not the end of the range.
            return day == First.AddDays(1) ? [] : Enumerable.Range(0, 3).Select(i => Message(day, i)).ToArray();
        }
        var source = new DayByDayRequestSource(First, First.AddDays(4), RequestsOf);

        var delivered = new List<string>();
        await foreach (var message in source.ReadAsync(CancellationToken.None))
        {
            delivered.Add(message.MessageId);
            var day = DateOnly.Parse(message.MessageId.Split(':')[1]);
            DateOnly[] soFar;
            lock (built) soFar = [.. built];
            // While a day is delivered, nothing beyond the next one has been built.
            Assert.All(soFar, d => Assert.True(d <= day.AddDays(1), $"{d} built while delivering {day}"));
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(First.AddDays), built.Order());
        Assert.Equal(12, delivered.Count);
        Assert.Equal(12, source.Delivered);
        Assert.Equal(delivered.Order(StringComparer.Ordinal), delivered); // in day order, each day's in its own order
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
    }

    [Fact]
    public async Task A_stop_ends_delivery_and_an_empty_range_delivers_nothing()
    {
        using var stop = new CancellationTokenSource();
        var source = new DayByDayRequestSource(First, First.AddDays(30), day => [Message(day, 0)]);
        var delivered = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(stop.Token))
                if (++delivered == 2) stop.Cancel();
        });
        Assert.Equal(2, delivered);

        var empty = new DayByDayRequestSource(First, First.AddDays(-1), _ => throw new InvalidOperationException("no day to build"));
        await foreach (var _ in empty.ReadAsync(CancellationToken.None)) Assert.Fail("nothing to deliver");
    }

    [Fact]
    public async Task A_first_day_built_beforehand_is_delivered_as_given_and_not_built_again()
    {
        var built = new List<DateOnly>();
        var source = new DayByDayRequestSource(First, First.AddDays(1), day => { built.Add(day); return [Message(day, 0)]; },
            firstDay: [Message(First, 7), Message(First, 8)]);

        var ids = new List<string>();
        await foreach (var message in source.ReadAsync(CancellationToken.None)) ids.Add(message.MessageId);

        Assert.Equal([First.AddDays(1)], built);
        Assert.Equal(["replay:2025-02-10:player-7", "replay:2025-02-10:player-8", "replay:2025-02-11:player-0"], ids);
    }

    private static SourceMessage Message(DateOnly day, int i) =>
        new($"replay:{day:yyyy-MM-dd}:player-{i}", Encoding.UTF8.GetBytes($"{{\"player_lookup\":\"player-{i}\",\"game_date\":\"{day:yyyy-MM-dd}\"}}"));
}
