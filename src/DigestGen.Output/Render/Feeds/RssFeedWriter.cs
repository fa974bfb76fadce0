using System.Xml;
using DigestGen.Site;

namespace DigestGen.Render.Feeds;

/// <summary>RSS 2.0, with an <c>atom:link rel="self"</c> and non-permalink guids carrying the item ids.</summary>
public static class RssFeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static void Write(Stream stream, FeedDefinition feed, string baseUrl, string language)
    {
        using var w = XmlWriter.Create(stream, FeedXml.Settings);
        w.WriteStartDocument();
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteStartElement("channel");
        w.WriteElementString("title", feed.Title);
        w.WriteElementString("link", baseUrl + feed.HomeRoute);
        w.WriteElementString("description", feed.Description.Length > 0 ? feed.Description : feed.Title);
        w.WriteElementString("language", language);
        w.WriteElementString("generator", "DigestGen");
        if (feed.Updated is { } updated)
        {
            w.WriteElementString("lastBuildDate", FeedXml.Rfc822(updated));
        }

        w.WriteStartElement("atom", "link", AtomNs);
        w.WriteAttributeString("href", baseUrl + feed.RssRoute);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();

        foreach (var item in feed.Items)
        {
            w.WriteStartElement("item");
            w.WriteElementString("title", item.Title);
            w.WriteElementString("link", item.Url);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "false");
            w.WriteString(item.Id);
            w.WriteEndElement();
            w.WriteElementString("pubDate", FeedXml.Rfc822(item.Date));
            foreach (var (_, name) in item.Categories)
            {
                w.WriteElementString("category", name);
            }

            w.WriteElementString("description", item.ContentHtml);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }
}
