namespace StreamProcessor.Google.PubSub.Publish;

/// <summary>A Publish call failed with a code that is not worth retrying, or after its retries.</summary>
public sealed class PublishException(string message, Exception inner) : Exception(message, inner);
