namespace DigestGen.Render.Compiled;

/// <summary>A part of a compiled template that writes (a statement).</summary>
internal delegate void Step(RenderFrame frame);

/// <summary>A part of a compiled template that gives a value (an expression).</summary>
internal delegate object? Value(RenderFrame frame);

/// <summary>
/// A theme template compiled to delegates by <see cref="TemplateCompiler"/>: rendering it runs them, with no
/// syntax tree to walk and no scopes to push. Read-only, so shared by every rendering thread.
/// </summary>
internal sealed class CompiledTemplate(Step body, int loopDepth)
{
    /// <summary>How deep its loops nest: the size of a <see cref="RenderFrame"/>'s loop arrays.</summary>
    public int LoopDepth => loopDepth;

    public void Run(RenderFrame frame) => body(frame);
}
