namespace DigestGen.Diagnostics;

/// <summary>One problem found in the content, located by file and (when known) line.</summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message)
{
    /// <summary>The <c>file:line: warning|error: message</c> form editors and CI logs understand.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var level = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {level}: {Message}";
    }
}
