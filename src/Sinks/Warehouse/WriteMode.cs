namespace StreamProcessor.Sinks.Warehouse;

/// <summary>How one write puts its keyed rows into their tables.</summary>
internal enum WriteMode
{
    /// <summary>
    /// Straight into the table with the appender: no stage, no upsert, DuckDB checks each primary key as it appends.
    /// A key already there fails the whole write, which is then redone in <see cref="Upsert"/> mode.
    /// </summary>
    Append,

    /// <summary>Through a stage and an upsert on the key: an existing row is replaced.</summary>
    Upsert,
}
