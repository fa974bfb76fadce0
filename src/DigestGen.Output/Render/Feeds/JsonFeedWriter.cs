using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Site;

namespace DigestGen.Render.Feeds;

/// <summary>JSON Feed 1.1: <c>version</c>, <c>home_page_url</c>, <c>feed_url</c>, items with <c>id</c>.</summary>
public static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, FeedDefinition feed, string baseUrl, string language, string author)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteString("version", Version);
        w.WriteString("title", feed.Title);
        w.WriteString("home_page_url", baseUrl + feed.HomeRoute);
        w.WriteString("feed_url", baseUrl + feed.JsonRoute);
        if (feed.Description.Length > 0)
        {
            w.WriteString("description", feed.Description);
        }

        w.WriteString("language", language);
        w.WriteStartArray("authors");
        w.WriteStartObject();
        w.WriteString("name", author);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            w.WriteStartObject();
            w.WriteString("id", item.Id);
            w.WriteString("url", item.Url);
            w.WriteString("title", item.Title);
            w.WriteString("content_html", item.ContentHtml);
            w.WriteString("summary", item.Summary);
            w.WriteString("date_published", FeedXml.Rfc3339(item.Date));
            w.WriteStartArray("tags");
            foreach (var (_, name) in item.Categories)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
