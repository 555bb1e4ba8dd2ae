using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// Maps snake_case configuration keys onto the options' property names (<c>write_batch_size</c> →
/// <c>WriteBatchSize</c>), walking the options types so that only property names are rewritten: the keys of
/// a dictionary (system ids such as <c>xgboost_v1</c>) are data and keep their underscores.
/// </summary>
internal static class SnakeCaseKeys
{
    public static string Normalize(string key, Type root)
    {
        var segments = key.Split(ConfigurationPath.KeyDelimiter);
        var type = root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (type is null) break;
            if (DictionaryValueType(type) is { } valueType)
            {
                type = valueType; // segments[i] is a dictionary key: keep it as written
                continue;
            }
            if (ElementType(type) is { } elementType)
            {
                type = elementType; // segments[i] is an index
                continue;
            }
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, segments[i].Replace("_", ""), StringComparison.OrdinalIgnoreCase));
            if (property is null) break; // unknown: left as is, so the binder reports it by its own name
            segments[i] = property.Name;
            type = property.PropertyType;
        }
        return string.Join(ConfigurationPath.KeyDelimiter, segments);
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition
          && (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>))
            ? type.GetGenericArguments()[0]
            : null;
}
