namespace DigestGen.Curate.Related;

/// <summary>
/// A paper's topics (numbers below 32,768, best first, at most four) packed in one number, so the
/// related-papers loop reads them from one dense array instead of chasing an array per paper (at 100,000
/// papers and 64 candidates each, those reads were a tenth of the stage).
/// </summary>
public readonly record struct TopicSet(ulong Packed)
{
    private const int Bits = 15;
    private const ulong Mask = (1UL << Bits) - 1;
    private const int MaxCount = 4;

    public int Count => (int)(Packed >> (Bits * MaxCount));

    /// <summary>The best topic, or -1 when there is none.</summary>
    public int First => Count == 0 ? -1 : (int)(Packed & Mask);

    public static TopicSet Of(IReadOnlyList<int> topics)
    {
        var packed = 0UL;
        var count = Math.Min(topics.Count, MaxCount);
        for (var i = 0; i < count; i++)
        {
            packed |= ((ulong)topics[i] & Mask) << (Bits * i);
        }

        return new TopicSet(packed | ((ulong)count << (Bits * MaxCount)));
    }

    /// <summary>Topics both have over topics either has; 0 when either has none.</summary>
    public float Jaccard(TopicSet other)
    {
        int count = Count, otherCount = other.Count;
        if (count == 0 || otherCount == 0)
        {
            return 0;
        }

        var shared = 0;
        for (var i = 0; i < count; i++)
        {
            var topic = (Packed >> (Bits * i)) & Mask;
            for (var j = 0; j < otherCount; j++)
            {
                if (((other.Packed >> (Bits * j)) & Mask) == topic)
                {
                    shared++;
                    break;
                }
            }
        }

        return (float)shared / (count + otherCount - shared);
    }
}
