namespace StreamProcessor.Stream.Sources;

/// <summary>One message as a transport delivers it: an id to acknowledge by, and the raw bytes.</summary>
public sealed record SourceMessage(string MessageId, ReadOnlyMemory<byte> Data);
