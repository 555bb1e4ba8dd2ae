using StreamProcessor.Google.BigQuery;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Stream.Warehouses;

/// <summary>The one place that knows both warehouses: --warehouse, else warehouse.kind.</summary>
internal static class WarehouseAdapters
{
    public static string Kind(CommandContext context) => context.Arguments.Get("warehouse") ?? context.Options.Warehouse.Kind;

    public static bool IsBigQuery(CommandContext context) => Kind(context) == WarehouseOptions.BigQuery;

    /// <param name="embedded">The data dir's file: the warehouse itself in embedded mode, the batch verbs' workspace otherwise.</param>
    public static IWarehouseAdapters Open(CommandContext context, Warehouse embedded) => IsBigQuery(context) ? OpenBigQuery(context) : new EmbeddedWarehouseAdapters(embedded);

    /// <summary>
    /// The chosen warehouse's adapters, owning what they open: on BigQuery no embedded file is opened (or created), so
    /// the batch verbs run in a data dir that holds only the models.
    /// </summary>
    public static IWarehouseAdapters Open(CommandContext context) => IsBigQuery(context) ? OpenBigQuery(context) : new EmbeddedWarehouseAdapters(context.OpenWarehouse(), owned: true);

    /// <summary>The BigQuery adapters alone: what `stream run` needs, with no embedded file (replicas share none).</summary>
    public static IWarehouseAdapters OpenBigQuery(CommandContext context)
    {
        var project = context.Options.BigQuery.Project is { Length: > 0 } p ? p : null;
        BigQueryStorageOptions options;
        try { options = BigQueryStorageOptions.FromEnvironment(project); }
        catch (InvalidOperationException e) { throw new UsageException(e.Message); }
        return new BigQueryWarehouseAdapters(new BigQueryWarehouse(options));
    }
}
