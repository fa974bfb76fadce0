namespace DigestGen.Config;

/// <summary>The configuration cannot be used; the CLI turns this into exit code 2.</summary>
public sealed class ConfigException(string message) : Exception(message);
