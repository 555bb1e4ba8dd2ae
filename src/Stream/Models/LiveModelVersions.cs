using System.Collections;
using System.Diagnostics.CodeAnalysis;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Models;

/// <summary>The model version per prop that smart skip and the execution log record, following a reload.</summary>
internal sealed class LiveModelVersions(IReadOnlyDictionary<PropType, string> initial) : IReadOnlyDictionary<PropType, string>
{
    private IReadOnlyDictionary<PropType, string> _current = initial;

    public void Replace(IReadOnlyDictionary<PropType, string> next) => Volatile.Write(ref _current, next);

    private IReadOnlyDictionary<PropType, string> Current => Volatile.Read(ref _current);
    public string this[PropType key] => Current[key];
    public IEnumerable<PropType> Keys => Current.Keys;
    public IEnumerable<string> Values => Current.Values;
    public int Count => Current.Count;
    public bool ContainsKey(PropType key) => Current.ContainsKey(key);
    public bool TryGetValue(PropType key, [MaybeNullWhen(false)] out string value) => Current.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<PropType, string>> GetEnumerator() => Current.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
