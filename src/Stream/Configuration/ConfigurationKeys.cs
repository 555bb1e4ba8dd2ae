using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// Checks every key given against the options types before anything is bound: a key that names no option, a
/// value where a section belongs (or the reverse), and a value that is not of the option's kind (a whole number,
/// a number, true/false, a date, one of a list). Each finding is a problem in the user's words: snake_case keys,
/// never a .NET type name.
/// </summary>
internal static partial class ConfigurationKeys
{
    /// <param name="key">The key as given, sections joined by <c>:</c> (<c>pipeline:bounded_capacity</c>).</param>
    /// <returns>What is wrong with it, or null when it names an option and its value fits.</returns>
    public static string? Check(string key, string value, Type root)
    {
        var segments = key.Split(':');
        var type = root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (DictionaryValueType(type) is { } valueType)
            {
                type = valueType; // segments[i] is a dictionary key (a system id); the rules check which ones
                continue;
            }
            if (!IsSection(type)) return $"{Display(segments[..i])} is a value, not a section";
            var property = Properties(type).FirstOrDefault(p => string.Equals(p.Name, segments[i].Replace("_", ""), StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var where = i == 0 ? "the top level" : Display(segments[..i]);
                return $"unknown key; {where} takes {string.Join(", ", Properties(type).Select(p => SnakeCase(p.Name)))}";
            }
            type = property.PropertyType;
        }
        if (IsSection(type) || DictionaryValueType(type) is not null)
            return DictionaryValueType(type) is not null
                ? "is a map (for example {xgboost_v1: 1.5}), not a single value"
                : $"is a section, not a value; it takes {string.Join(", ", Properties(type).Select(p => SnakeCase(p.Name)))}";
        return CheckValue(Nullable.GetUnderlyingType(type) ?? type, value);
    }

    /// <summary>How a key is written in config.yaml: <c>pipeline.bounded_capacity</c>.</summary>
    public static string Display(IEnumerable<string> segments) => string.Join('.', segments.Select(s => s.ToLowerInvariant()));

    public static string SnakeCase(string name) => PascalBoundary().Replace(name, "_$1").ToLowerInvariant();

    private static string? CheckValue(Type type, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (type == typeof(string)) return null;
        if (type == typeof(int))
            return int.TryParse(value, NumberStyles.Integer, invariant, out _) ? null : $"must be a whole number, got \"{value}\"";
        if (type == typeof(double))
            return double.TryParse(value, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? null : $"must be a number, got \"{value}\"";
        if (type == typeof(bool))
            return bool.TryParse(value, out _) ? null : $"must be true or false, got \"{value}\"";
        if (type == typeof(DateOnly))
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out _) ? null : $"must be a date as YYYY-MM-DD, got \"{value}\"";
        if (type.IsEnum)
            return Enum.GetNames(type).Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) && !int.TryParse(value, out _)
                ? null
                : $"must be one of {string.Join(", ", Enum.GetNames(type))}, got \"{value}\"";
        return null;
    }

    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && DictionaryValueType(type) is null;

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex PascalBoundary();
}
