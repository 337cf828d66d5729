using CsCheck;

namespace AleppoDashboard.Fuzzing;

/// <summary>A property over generated inputs that failed: the reader, the input (printed, escaped) and what went wrong.</summary>
public sealed class FuzzFailure(string message) : Exception(message);

/// <summary>One reader or parser under fuzzing: a generator of its inputs and the property every input must keep.</summary>
public abstract class FuzzTarget
{
    public abstract string Name { get; }

    /// <summary>An input being checked now (printed), so a hang can say which input it hung on.</summary>
    public abstract string? Current { get; }

    /// <summary>Inputs checked so far by <see cref="Sample"/> (a watchdog reads it to tell a hang from a slow run).</summary>
    public long Done => Interlocked.Read(ref done);

    protected long done;

    /// <summary>
    /// <paramref name="count"/> inputs from a fixed seed, on this thread, the same inputs every run (the test suite's
    /// pass). Throws <see cref="FuzzFailure"/> with the first failing input.
    /// </summary>
    public abstract void RunFixed(int count, ulong seed);

    /// <summary>
    /// The long run: <paramref name="count"/> inputs through CsCheck's Sample on all cores; a failure is shrunk to a
    /// minimal input and returned as text (null when every input kept the property).
    /// </summary>
    public abstract string? Sample(long count, string? seed);
}

public sealed class FuzzTarget<T>(string name, Gen<T> inputs, Action<T> property, Func<T, string> print) : FuzzTarget where T : class
{
    T? current;

    public override string Name => name;

    public override string? Current => Volatile.Read(ref current) is { } input ? print(input) : null;

    public override void RunFixed(int count, ulong seed)
    {
        var pcg = new PCG(1, seed);
        for (var i = 0; i < count; i++)
        {
            var input = inputs.Generate(pcg, null!, out _);
            current = input;
            try
            {
                property(input);
            }
            catch (Exception e)
            {
                throw new FuzzFailure($"{name}: input {i} of seed {seed} failed: {e.GetType().Name}: {e.Message}\ninput: {print(input)}\n{e.StackTrace}");
            }
        }
    }

    public override string? Sample(long count, string? seed)
    {
        try
        {
            inputs.Sample(input =>
            {
                current = input;
                Interlocked.Increment(ref done);
                property(input);
            }, writeLine: null, seed: seed, iter: count, print: print);
            return null;
        }
        catch (CsCheckException e)
        {
            return e.InnerException is { } cause ? $"{e.Message}\n{cause.GetType().Name}: {cause.Message}\n{cause.StackTrace}" : e.Message;
        }
    }
}
