namespace DigestGen.Curate.Topics;

/// <summary>
/// A rule phrase as tokenizer terms. A last term ending in <c>*</c> in the file matches any term
/// with that prefix (<c>quantiz*</c>: quantize, quantized, quantization).
/// </summary>
public sealed record TopicPhrase(string Text, IReadOnlyList<string> Terms, bool PrefixLast, int Weight, int Line);
