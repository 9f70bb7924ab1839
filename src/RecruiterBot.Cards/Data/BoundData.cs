using System.Text.Json;

namespace RecruiterBot.Cards.Data;

/// <summary>The data a card template is bound to, for one reply: which template (<see cref="Kind"/>) and the card data
/// record of that kind (<see cref="CardData.Kinds"/>), read in place by the binding through its JSON contract.</summary>
public sealed record BoundData(string Kind, object Value)
{
    /// <summary>The data as its JSON contract writes it: what the sample files hold and the templating language's own
    /// tools take. Binding gives the same card from <see cref="Value"/> without writing this.</summary>
    public JsonElement Json => CardData.ToJson(Value);
}
