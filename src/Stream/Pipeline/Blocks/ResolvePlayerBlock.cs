using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Players;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// resolve-player: the request's <c>player_lookup</c> becomes the registry's canonical lookup (every row is written
/// under it; the request's own spelling is kept for the execution log). A name no player goes by is dead-lettered
/// as <c>no_features</c> naming the closest lookups; one that several players share as <c>ambiguous_player</c>.
/// </summary>
internal static class ResolvePlayerBlock
{
    public static TransformManyBlock<ValidatedRequest, ValidatedRequest> Create(
        PlayerDirectoryCache players, ITargetBlock<DeadLetter> deadLetters, ExecutionDataflowBlockOptions options) =>
        new(async validated =>
        {
            var request = validated.Request;
            var resolution = await players.ResolveAsync(request.PlayerLookup, options.CancellationToken);
            if (resolution.Lookup is { } lookup)
            {
                return [validated with { Request = request with { PlayerLookup = lookup, RequestedPlayerLookup = request.PlayerLookup } }];
            }
            var (reason, message) = resolution.Match == PlayerMatch.Ambiguous
                ? (RejectReasons.AmbiguousPlayer, $"\"{request.PlayerLookup}\" could be any of {string.Join(", ", resolution.Candidates)}: send the exact lookup, or add an alias")
                : (RejectReasons.NoFeatures, resolution.Candidates.Count == 0
                    ? $"no player \"{request.PlayerLookup}\": the player registry is empty (load box scores first)"
                    : $"no player \"{request.PlayerLookup}\" in the registry; the closest lookups are {string.Join(", ", resolution.Candidates)}");
            await deadLetters.SendAsync(new DeadLetter
            {
                RequestId = request.RequestId,
                ReasonCode = reason,
                Message = message,
                PlayerLookup = request.PlayerLookup,
                GameDate = request.GameDate,
                RawPayload = validated.RawPayload,
            });
            return [];
        }, options);
}
