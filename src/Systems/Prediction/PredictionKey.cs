using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction;

/// <summary>The upsert key of a prediction row, and the prediction id derived from it.</summary>
public readonly record struct PredictionKey(string PlayerLookup, DateOnly GameDate, string SystemId, double LineValue, PropType Prop = PropType.Points)
{
    // Room for the hashed text of any key a request can make (a player lookup is at most 64 characters); a longer one
    // takes the heap.
    private const int StackChars = 256;

    // Its UTF-8 bytes: at most three a character.
    private const int StackBytes = 3 * StackChars;

    /// <summary>
    /// A stable id: the same key always yields the same id, so redeliveries cannot mint new rows. The prop joins the
    /// hashed text only when it is not points, so every points id is what it was before props existed.
    /// </summary>
    public string PredictionId
    {
        get
        {
            // Every row written computes one: the text and its bytes stay on the stack, the id is the one allocation.
            Span<char> text = stackalloc char[StackChars];
            int length;
            while (!TryWriteHashedText(text, out length)) text = new char[text.Length * 2];
            var byteCount = Encoding.UTF8.GetByteCount(text[..length]);
            Span<byte> utf8 = byteCount <= StackBytes ? stackalloc byte[StackBytes] : new byte[byteCount];
            utf8 = utf8[..Encoding.UTF8.GetBytes(text[..length], utf8)];
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8, hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
    }

    private bool TryWriteHashedText(Span<char> destination, out int length) => Prop == PropType.Points
        ? destination.TryWrite(CultureInfo.InvariantCulture, $"{PlayerLookup}|{GameDate:yyyy-MM-dd}|{SystemId}|{LineValue:0.0###}", out length)
        : destination.TryWrite(CultureInfo.InvariantCulture, $"{PlayerLookup}|{GameDate:yyyy-MM-dd}|{SystemId}|{LineValue:0.0###}|{Prop.Code()}", out length);
}
