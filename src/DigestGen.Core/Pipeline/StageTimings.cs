using System.Diagnostics;

namespace DigestGen.Pipeline;

/// <summary>Wall time per pipeline stage, in the order the stages ran.</summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = new();

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    public T Time<T>(string stage, Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        _stages.Add((stage, watch.Elapsed));
        return result;
    }
}
