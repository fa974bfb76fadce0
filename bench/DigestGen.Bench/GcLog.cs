using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace DigestGen.Bench;

/// <summary>
/// Diagnosis only (<c>BENCH_GC=1</c>): every gen-2 collection and why the runtime started it, with the
/// stage that was running, and what each stage allocated and paused, so heap-wide pauses can be traced to what allocated.
/// </summary>
public sealed class GcLog : EventListener
{
    private static readonly string[] Reasons =
    [
        "small alloc", "induced", "low memory", "empty", "large alloc", "oos soh", "oos loh", "induced not forced",
        "internal tuning", "induced low memory", "induced compacting", "low memory host", "pm full gc", "low memory host blocking",
    ];

    private readonly ConcurrentQueue<string> _lines = new();

    public string Stage { get; set; } = "start";

    public IEnumerable<string> Lines => _lines;

    public void Note(string line) => _lines.Enqueue(line);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is "GCStart_V2" or "GCStart_V1" && e.Payload is { } payload)
        {
            var depth = Convert.ToInt32(payload[e.PayloadNames!.IndexOf("Depth")]);
            var reason = Convert.ToInt32(payload[e.PayloadNames.IndexOf("Reason")]);
            if (depth == 2)
            {
                _lines.Enqueue($"gen2 during {Stage}: {(reason < Reasons.Length ? Reasons[reason] : reason.ToString())}");
            }
        }
    }
}
