namespace StreamProcessor.Google.PubSub.Source;

/// <summary>Pub/Sub refused or never confirmed some acknowledgements: those messages will be delivered again.</summary>
public sealed class AcknowledgementException(string message, Exception? inner = null) : Exception(message, inner);
