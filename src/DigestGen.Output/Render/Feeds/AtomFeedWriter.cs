using System.Xml;
using DigestGen.Site;

namespace DigestGen.Render.Feeds;

/// <summary>Atom 1.0: RFC 3339 dates, <c>urn:digestgen:&lt;id&gt;</c> entry ids, self and alternate links, a feed-level author.</summary>
public static class AtomFeedWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static string EntryId(string itemId) => "urn:digestgen:" + itemId;

    public static void Write(Stream stream, FeedDefinition feed, string baseUrl, string language, string author)
    {
        using var w = XmlWriter.Create(stream, FeedXml.Settings);
        w.WriteStartDocument();
        w.WriteStartElement("feed", Ns);
        w.WriteAttributeString("xml", "lang", null, language);
        w.WriteElementString("title", Ns, feed.Title);
        if (feed.Description.Length > 0)
        {
            w.WriteElementString("subtitle", Ns, feed.Description);
        }

        w.WriteElementString("id", Ns, baseUrl + feed.HomeRoute);
        w.WriteElementString("updated", Ns, FeedXml.Rfc3339(feed.Updated ?? DateOnly.MinValue));
        Link(w, "alternate", "text/html", baseUrl + feed.HomeRoute);
        Link(w, "self", "application/atom+xml", baseUrl + feed.AtomRoute);
        w.WriteStartElement("author", Ns);
        w.WriteElementString("name", Ns, author);
        w.WriteEndElement();
        w.WriteElementString("generator", Ns, "DigestGen");

        foreach (var item in feed.Items)
        {
            w.WriteStartElement("entry", Ns);
            w.WriteStartElement("title", Ns);
            w.WriteAttributeString("type", "text");
            w.WriteString(item.Title);
            w.WriteEndElement();
            w.WriteElementString("id", Ns, EntryId(item.Id));
            Link(w, "alternate", "text/html", item.Url);
            w.WriteElementString("published", Ns, FeedXml.Rfc3339(item.Date));
            w.WriteElementString("updated", Ns, FeedXml.Rfc3339(item.Date));
            foreach (var (slug, name) in item.Categories)
            {
                w.WriteStartElement("category", Ns);
                w.WriteAttributeString("term", slug);
                w.WriteAttributeString("label", name);
                w.WriteEndElement();
            }

            w.WriteStartElement("summary", Ns);
            w.WriteAttributeString("type", "text");
            w.WriteString(item.Summary);
            w.WriteEndElement();
            w.WriteStartElement("content", Ns);
            w.WriteAttributeString("type", "html");
            w.WriteString(item.ContentHtml);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
