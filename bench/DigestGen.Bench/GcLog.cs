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
    private readonly ConcurrentDictionary<(string Stage, string Type), long> _large = new();
    private readonly bool _each = Environment.GetEnvironmentVariable("BENCH_GC_EACH") == "1";
    private DateTime _started;
    private int _depth;
    private readonly bool _ticks = Environment.GetEnvironmentVariable("BENCH_GC_LOH") == "1";

    public string Stage { get; set; } = "start";

    public IEnumerable<string> Lines => _lines.Concat(_large.OrderByDescending(kv => kv.Value).Take(40)
        .Select(kv => $"large during {kv.Key.Stage}: {kv.Key.Type} {kv.Value / (1024 * 1024)} MB"));

    public void Note(string line) => _lines.Enqueue(line);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, _ticks ? EventLevel.Verbose : EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not null && e.EventName.StartsWith("GCAllocationTick") && e.Payload is { } tick)
        {
            var kind = Convert.ToInt32(tick[e.PayloadNames!.IndexOf("AllocationKind")]);
            if (kind == 1 || Environment.GetEnvironmentVariable("BENCH_GC_ALL") == "1")
            {
                var type = tick[e.PayloadNames.IndexOf("TypeName")]?.ToString() ?? "?";
                _large.AddOrUpdate((Stage, type), Convert.ToInt64(tick[e.PayloadNames.IndexOf("AllocationAmount64")]), (_, v) => v + Convert.ToInt64(tick[e.PayloadNames.IndexOf("AllocationAmount64")]));
            }

            return;
        }

        if (_each && e.EventName is "GCStart_V2")
        {
            _started = e.TimeStamp;
            _depth = Convert.ToInt32(e.Payload![e.PayloadNames!.IndexOf("Depth")]);
        }

        if (_each && e.EventName is "GCEnd_V1")
        {
            _lines.Enqueue($"gc{_depth} during {Stage}: {(e.TimeStamp - _started).TotalMilliseconds:0} ms");
        }

        if (_each && e.EventName is "GCHeapStats_V2" && e.Payload is { } stats)
        {
            string Mb(string name) => (Convert.ToInt64(stats[e.PayloadNames!.IndexOf(name)]) / (1024 * 1024)).ToString();
            _lines.Enqueue($"   promoted {Mb("TotalPromotedSize0")}/{Mb("TotalPromotedSize1")}/{Mb("TotalPromotedSize2")} MB, sizes {Mb("GenerationSize0")}/{Mb("GenerationSize1")}/{Mb("GenerationSize2")}/{Mb("GenerationSize3")}");
        }

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
