using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AleppoDashboard.Web.Interactive;

/// <summary>
/// How many readers have an interactive circuit open now, and the most since the memory was last given back
/// (<see cref="Extensions.MemoryAfterReaders"/> reads both). A singleton; Blazor calls the handler for every circuit.
/// </summary>
public sealed class OpenCircuits : CircuitHandler
{
    int open;
    int peak;

    public int Count => Volatile.Read(ref open);

    public int PeakSinceReset => Volatile.Read(ref peak);

    /// <summary>Starts the peak over from the circuits open now.</summary>
    public void ResetPeak() => Volatile.Write(ref peak, Count);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref open);
        int seen;
        while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref open);
        return Task.CompletedTask;
    }
}
