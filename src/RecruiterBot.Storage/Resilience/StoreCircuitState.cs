namespace RecruiterBot.Storage.Resilience;

/// <summary>Closed: calls go to the store. Open: calls are skipped for a while after repeated failures. HalfOpen: one call tries the store again.</summary>
public enum StoreCircuitState
{
    Closed,
    Open,
    HalfOpen,
}
