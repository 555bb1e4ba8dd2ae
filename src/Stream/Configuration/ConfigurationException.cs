namespace StreamProcessor.Stream.Configuration;

/// <summary>The configuration cannot be used; the message names the file, key or value.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
