namespace DigestGen.Cli;

/// <summary>The process exit codes, documented in <c>--help</c> and the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The content has errors, or warnings under <c>--strict</c>.</summary>
    public const int ContentErrors = 1;

    /// <summary>The command line or the configuration is wrong.</summary>
    public const int UsageOrConfig = 2;

    /// <summary>Something DigestGen did not foresee: a bug, reported in one line (<c>DIGESTGEN_TRACE=1</c> adds the trace).</summary>
    public const int InternalError = 3;
}
