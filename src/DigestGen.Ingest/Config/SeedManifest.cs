namespace DigestGen.Config;

/// <summary>Edits the seed list of digest.yml as text, so the curator's comments and layout survive.</summary>
public static class SeedManifest
{
    public static void Append(string digestYml, string file, DateOnly captured)
    {
        var lines = File.ReadAllText(digestYml).Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();
        string[] entry = [$"  - file: {file}", $"    captured: {captured:yyyy-MM-dd}"];
        var start = lines.FindIndex(l => l.StartsWith("seeds:", StringComparison.Ordinal));
        if (start < 0 || lines[start].Trim() != "seeds:")
        {
            // No block list yet ("seeds: []" or no key at all): write one at the end.
            if (start >= 0)
            {
                lines.RemoveAt(start);
            }

            lines.Add("seeds:");
            lines.AddRange(entry);
        }
        else
        {
            // The list runs while lines are indented (or blank); the entry goes after its last line.
            var last = start;
            for (var i = start + 1; i < lines.Count && (lines[i].Length == 0 || lines[i][0] is ' ' or '-' or '#'); i++)
            {
                if (lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#'))
                {
                    last = i;
                }
            }

            lines.InsertRange(last + 1, entry);
        }

        File.WriteAllText(digestYml, string.Join('\n', lines) + "\n");
    }
}
