using System.Xml;
using DigestGen.Site;

namespace DigestGen.Render.Feeds;

/// <summary><c>feeds.opml</c> (OPML 2.0): the site feed and every topic's feed, so a reader subscribes to all in one import.</summary>
public static class OpmlWriter
{
    /// <param name="title">The list's title ("Research Digest feeds").</param>
    /// <param name="topicsLabel">The name of the outline that holds the topics' feeds.</param>
    public static void Write(Stream stream, string title, string topicsLabel, FeedDefinition site, IEnumerable<FeedDefinition> topics, string baseUrl)
    {
        using var w = XmlWriter.Create(stream, FeedXml.Settings);
        w.WriteStartDocument();
        w.WriteStartElement("opml");
        w.WriteAttributeString("version", "2.0");
        w.WriteStartElement("head");
        w.WriteElementString("title", title);
        if (site.Updated is { } updated)
        {
            w.WriteElementString("dateModified", FeedXml.Rfc822(updated));
        }

        w.WriteEndElement();
        w.WriteStartElement("body");
        Outline(w, site, baseUrl);
        w.WriteStartElement("outline");
        w.WriteAttributeString("text", topicsLabel);
        foreach (var topic in topics)
        {
            Outline(w, topic, baseUrl);
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Outline(XmlWriter w, FeedDefinition feed, string baseUrl)
    {
        w.WriteStartElement("outline");
        w.WriteAttributeString("type", "rss");
        w.WriteAttributeString("text", feed.Title);
        w.WriteAttributeString("title", feed.Title);
        w.WriteAttributeString("xmlUrl", baseUrl + feed.RssRoute);
        w.WriteAttributeString("htmlUrl", baseUrl + feed.HomeRoute);
        w.WriteEndElement();
    }
}
