using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RecruiterBot.Cards.Templating;

/// <summary>What a template may read from its data, derived from the data type's JSON contract: objects with named
/// fields, lists, and values (texts, numbers, booleans, or an object used whole such as a button's action data). The
/// checker checks templates against it, and binding reads typed data through it (<see cref="TemplateValue.Of(object?, DataShape)"/>),
/// so both see the fields the JSON contract has, named as it names them.</summary>
internal abstract record DataShape(JsonTypeInfo? Info)
{
    public sealed record Object(JsonTypeInfo Info, IReadOnlyDictionary<string, DataField> Fields) : DataShape(Info);
    public sealed record List(JsonTypeInfo Info, DataShape Item) : DataShape(Info);

    /// <summary>A value; <see cref="DataShape.Info"/> is null for one the template computes (<c>$index</c>).</summary>
    public sealed record Value(JsonTypeInfo? Info) : DataShape(Info);

    public static DataShape Of(Type type, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            // The getters are the JSON contract's own: generated code for a source-generated context, no reflection per read.
            JsonTypeInfoKind.Object => new Object(info, info.Properties.ToDictionary(p => p.Name,
                p => new DataField(p.Get ?? throw new ArgumentException($"{type.Name}.{p.Name} cannot be read"), Of(p.PropertyType, options)),
                StringComparer.Ordinal)),
            JsonTypeInfoKind.Enumerable => new List(info, Of(info.ElementType!, options)),
            _ => new Value(info),
        };
    }

    public override string ToString() => this switch
    {
        Object o => "an object with " + string.Join(", ", o.Fields.Keys),
        List => "a list",
        _ => "a value",
    };
}

/// <summary>A field of a <see cref="DataShape.Object"/>: how to read it from an instance, and what it holds.</summary>
internal sealed record DataField(Func<object, object?> Get, DataShape Shape);
