namespace DigestGen.Pipeline;

/// <summary>
/// Work a build runs beside its main line (on the other core). <see cref="Wait"/> waits for all of it and
/// rethrows a failure; leaving a failed build, disposing waits too, without rethrowing, so nothing is still
/// writing into the staging folder when it is removed.
/// </summary>
public sealed class BackgroundWork : IDisposable
{
    private readonly List<Task> _tasks = new();

    public void Run(Action work) => _tasks.Add(Task.Run(work));

    public void Wait() => Task.WhenAll(_tasks).GetAwaiter().GetResult();

    public void Dispose() => Task.WaitAny(Task.WhenAll(_tasks));
}
