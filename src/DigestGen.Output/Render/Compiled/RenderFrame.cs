using Scriban.Runtime;

namespace DigestGen.Render.Compiled;

/// <summary>
/// One render of a compiled template: its variables, the loops it is inside now, and the render that called it
/// (a page's layout, a partial's page), whose loops and variables it sees too, innermost first, as Scriban's
/// stack of globals would hold them.
/// </summary>
internal sealed class RenderFrame
{
    public RenderFrame(ThemeContext context, HtmlOutput output, ScriptObject variables, RenderFrame? caller, int loopDepth)
    {
        Context = context;
        Output = output;
        Variables = variables;
        Caller = caller;
        // Most partials have no loop: they share the empty arrays.
        LoopNames = loopDepth == 0 ? [] : new string[loopDepth];
        LoopValues = loopDepth == 0 ? [] : new object?[loopDepth];
        Loops = loopDepth == 0 ? [] : new LoopPosition[loopDepth];
    }

    public ThemeContext Context { get; }

    public HtmlOutput Output { get; }

    public ScriptObject Variables { get; }

    public RenderFrame? Caller { get; }

    /// <summary>By depth: the variable of each loop entered (<c>paper</c> in <c>for paper in …</c>), its current item and position.</summary>
    public string[] LoopNames { get; }

    public object?[] LoopValues { get; }

    public LoopPosition[] Loops { get; }

    /// <summary>How many of the loops above are entered now.</summary>
    public int ActiveLoops { get; set; }

    /// <summary>A variable no loop of this template binds where it is read: from this render's loops and variables, then its callers'.</summary>
    public bool TryFind(string name, out object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Caller)
        {
            for (var i = frame.ActiveLoops - 1; i >= 0; i--)
            {
                if (string.Equals(frame.LoopNames[i], name, StringComparison.Ordinal))
                {
                    value = frame.LoopValues[i];
                    return true;
                }
            }

            if (frame.Variables.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}

/// <summary>Where a loop stands, as <c>for.index</c>, <c>for.last</c> and the others read it.</summary>
internal struct LoopPosition
{
    public int Index;
    public int Length;

    /// <summary>The item before this one, for <c>for.changed</c>.</summary>
    public object? Previous;
}
