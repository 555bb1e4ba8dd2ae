using System.Runtime.CompilerServices;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// A replay over a range of days that builds each day's requests only when the pipeline has taken the day before,
/// so memory holds one day of requests and feature rows however long the range (a season five or twenty-five
/// times the real one included), instead of every request of the range up front. Acknowledgements keep nothing:
/// a re-read of the same days rebuilds the same message ids, and a durable ack log (<see cref="ResumableRequestSource"/>)
/// is what remembers them across runs.
/// </summary>
/// <param name="firstDay">The first day's requests when the caller has built them already (before a clock starts, say).</param>
public sealed class DayByDayRequestSource(DateOnly from, DateOnly to, Func<DateOnly, IReadOnlyList<SourceMessage>> requestsOf,
    IReadOnlyList<SourceMessage>? firstDay = null) : IRequestSource
{
    /// <summary>Messages delivered so far.</summary>
    public long Delivered { get; private set; }

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (from > to) yield break;
        // The read is synchronous (DuckDB): off the caller's thread, and the next day's read overlaps the delivery of
        // this one's, so at most two days are held.
        var next = firstDay is null ? Read(from, cancellationToken) : Task.FromResult(firstDay);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var messages = await next;
            if (day < to) next = Read(day.AddDays(1), cancellationToken);
            foreach (var message in messages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Delivered++;
                yield return message;
            }
        }
    }

    private Task<IReadOnlyList<SourceMessage>> Read(DateOnly day, CancellationToken cancellationToken) =>
        Task.Run(() => requestsOf(day), cancellationToken);

    public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Not redelivered within this run: the messages stay unacknowledged, and a rerun of the same days delivers them.</summary>
    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
