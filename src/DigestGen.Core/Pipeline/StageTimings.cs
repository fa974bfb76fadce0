using System.Diagnostics;

namespace DigestGen.Pipeline;

/// <summary>Wall time per pipeline stage, in the order the stages ran.</summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = new();
    private readonly List<(string Stage, TimeSpan Cpu)> _cpu = new();

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    /// <summary>Processor time the whole process spent during each stage: against wall time, it shows how much of the second core a stage used.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Cpu)> Cpu => _cpu;

    /// <summary>Told when a stage starts, so a terminal can show progress.</summary>
    public Action<string>? StageStarted { get; set; }

    /// <summary>Told when a stage ends, with its time.</summary>
    public Action<string, TimeSpan>? StageFinished { get; set; }

    public T Time<T>(string stage, Func<T> work)
    {
        StageStarted?.Invoke(stage);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = work();
        _stages.Add((stage, watch.Elapsed));
        _cpu.Add((stage, Process.GetCurrentProcess().TotalProcessorTime - cpu));
        StageFinished?.Invoke(stage, watch.Elapsed);
        return result;
    }
}
