using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Config;

/// <summary>
/// Reads a curator's YAML file into nodes, turning every way it can be malformed into one problem with a
/// line: YamlDotNet reports most syntax errors as <see cref="YamlException"/> with a position, but some (a
/// flow list left open before the next line, say) as bare <see cref="InvalidOperationException"/>s; for
/// those the line is where the last complete piece of YAML ended.
/// </summary>
public static class YamlText
{
    public sealed record Problem(int Line, string Message);

    /// <summary>The first document's root node (null for an empty file), or a problem.</summary>
    public static YamlNode? Load(string text, out Problem? problem)
    {
        problem = null;
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            problem = new Problem(Math.Max(1, (int)e.Start.Line), "malformed YAML: " + Describe(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            problem = new Problem(Math.Max(1, (int)parser.LastLine),
                "malformed YAML: a value here is not finished (is a '[' or '{' left unclosed, or a quote?)");
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>A mapping key's text, or null when the key is itself a list or mapping.</summary>
    public static string? Key(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : null;

    /// <summary>What a node is, for messages ("a list", "a mapping", "text").</summary>
    public static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "text",
    };

    private static string Describe(YamlException e)
    {
        // YamlDotNet's messages carry their own "(Line: …, Col: …)" positions; the caller names the line.
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var at = message.IndexOf("(Line:", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).Trim().TrimEnd('.').Trim();
    }

    /// <summary>Remembers where the last event the parser produced ended.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public long LastLine { get; private set; } = 1;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var more = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = current.End.Line;
            }

            return more;
        }
    }
}
