namespace StreamProcessor.Sinks.Warehouse;

/// <summary>A warehouse operation failed; the message says which and why.</summary>
public sealed class WarehouseException(string message, Exception? inner = null) : Exception(message, inner);
