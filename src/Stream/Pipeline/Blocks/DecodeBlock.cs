using System.Text;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Validation;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>decode/validate: a valid request flows on; anything else becomes a request-level dead letter.</summary>
internal static class DecodeBlock
{
    public static TransformManyBlock<ReceivedMessage, ValidatedRequest> Create(
        RequestDecoder decoder, ITargetBlock<DeadLetter> deadLetters, ExecutionDataflowBlockOptions options)
    {
        long sequence = 0;
        return new TransformManyBlock<ReceivedMessage, ValidatedRequest>(async received =>
        {
            var message = received.Message;
            var decoded = decoder.Decode(message);
            var raw = Encoding.UTF8.GetString(message.Data.Span[..Math.Min(message.Data.Length, DeadLetter.MaxPayloadChars * 4)]);
            if (decoded.Request is { } request)
                return [new ValidatedRequest(Interlocked.Increment(ref sequence), request, raw, received.ReceivedAt)];

            await deadLetters.SendAsync(new DeadLetter
            {
                RequestId = message.MessageId,
                ReasonCode = decoded.ReasonCode!,
                Message = decoded.Message!,
                RawPayload = raw,
            });
            return [];
        }, options);
    }
}
