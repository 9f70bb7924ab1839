using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RecruiterBot.Cards.Templating;

/// <summary>What a template may read from its data, derived from the data type's JSON contract: objects with named
/// fields, lists, and values (texts, numbers, booleans, or an object used whole such as a button's action data).</summary>
internal abstract record DataShape
{
    public sealed record Object(IReadOnlyDictionary<string, DataShape> Fields) : DataShape;
    public sealed record List(DataShape Item) : DataShape;
    public sealed record Value : DataShape;

    public static DataShape Of(Type type, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => new Object(info.Properties.ToDictionary(p => p.Name, p => Of(p.PropertyType, options), StringComparer.Ordinal)),
            JsonTypeInfoKind.Enumerable => new List(Of(info.ElementType!, options)),
            _ => new Value(),
        };
    }

    public override string ToString() => this switch
    {
        Object o => "an object with " + string.Join(", ", o.Fields.Keys),
        List => "a list",
        _ => "a value",
    };
}
