using System.Diagnostics;

namespace DigestGen.Pipeline;

/// <summary>Wall time per pipeline stage, in the order the stages ran.</summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, TimeSpan Elapsed, TimeSpan Cpu)> _stages = new();

    /// <summary>
    /// Each stage's wall time and the processor time the whole process spent during it: against wall
    /// time, the latter shows how much of the second core a stage used.
    /// </summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed, TimeSpan Cpu)> Stages => _stages;

    /// <summary>Told when a stage starts, so a terminal can show progress.</summary>
    public Action<string>? StageStarted { get; set; }

    /// <summary>Told when a stage ends, with its time.</summary>
    public Action<string, TimeSpan>? StageFinished { get; set; }

    public T Time<T>(string stage, Func<T> work)
    {
        StageStarted?.Invoke(stage);
        var watch = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var result = work();
        _stages.Add((stage, watch.Elapsed, Environment.CpuUsage.TotalTime - cpu));
        StageFinished?.Invoke(stage, watch.Elapsed);
        return result;
    }
}
