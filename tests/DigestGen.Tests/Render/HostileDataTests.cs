using System.Collections;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DigestGen.Render;
using DigestGen.Site;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Render;

/// <summary>
/// Every page kind of the default theme, rendered from a view model whose every string is hostile: no
/// element, attribute or URL scheme of the page may come from the data.
/// </summary>
public class HostileDataTests
{
    /// <summary>Starts like a link (a scheme), breaks out of text (a tag) and out of attributes (both quotes).</summary>
    private const string Hostile = "javascript:alert(1)//<script>alert(2)</script><x-evil></x-evil>\" onmouseover=\"alert(3)' onfocus='alert(4)";

    /// <summary>Markup of our own, which the theme must write as it is.</summary>
    private static readonly Html Trusted = new("<span class=\"trusted\">ours</span>");

    public static TheoryData<string, Type> PageKinds() => new()
    {
        { "home", typeof(HomePage) },
        { "paper", typeof(PaperPage) },
        { "topic", typeof(TopicPage) },
        { "topics", typeof(TopicsPage) },
        { "date", typeof(DatePage) },
        { "dates", typeof(DatesPage) },
        { "feeds", typeof(FeedsPage) },
        { "search", typeof(SearchPage) },
        { "status", typeof(StatusPage) },
        { "page", typeof(MarkdownPage) },
        { "notfound", typeof(NotFoundPage) },
    };

    [Theory]
    [MemberData(nameof(PageKinds))]
    public void No_element_attribute_or_scheme_comes_from_the_data(string template, Type model)
    {
        var theme = Theme.Load(RepoPaths.Themes, "default");
        var site = (SiteInfo)Make(typeof(SiteInfo));
        var page = new SitePage("papers/x/", template, (PageHead)Make(typeof(PageHead)), Make(model), Hostile) { Root = Hostile };

        var html = new PageRenderer(theme, site, Hostile).Render(page);
        var document = new HtmlParser().ParseDocument(html);

        // The page as Scriban's interpreter renders it, which compiled templates must match byte for byte.
        var interpreted = Theme.Load(ThemeChain.Resolve(RepoPaths.Themes, "default"), "en", compileTemplates: false);
        Assert.Equal(new PageRenderer(interpreted, site, Hostile).Render(page), html);

        Assert.Empty(document.QuerySelectorAll("x-evil"));
        Assert.All(document.QuerySelectorAll("script"), s => Assert.DoesNotContain("alert", s.TextContent));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.Ordinal), $"<{element.LocalName} {attribute.Name}> came from the data");
                Assert.False(attribute.Name.Contains("alert"), $"<{element.LocalName}> has an attribute named from the data: {attribute.Name}");
                if (attribute.Name is "href" or "src" or "action")
                {
                    Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
        }

        // The data is there, as text: escaped, not dropped.
        Assert.Contains(Hostile, document.Body!.TextContent + document.Head!.TextContent + string.Concat(document.All.SelectMany(e => e.Attributes).Select(a => a.Value)));
        if (HasHtml(model))
        {
            Assert.NotEmpty(document.QuerySelectorAll("span.trusted"));
        }
    }

    private static bool HasHtml(Type type, int depth = 0) =>
        depth < 4 && type.GetProperties().Any(p => p.PropertyType == typeof(Html) || (Element(p.PropertyType) ?? p.PropertyType) is { IsClass: true } t && t != typeof(string) && t.Namespace == typeof(SitePage).Namespace && HasHtml(t, depth + 1));

    /// <summary>An instance of a view-model type with every string hostile, every list of one item, every number 1.</summary>
    private static object Make(Type type)
    {
        if (type == typeof(string))
        {
            return Hostile;
        }

        if (type == typeof(Html))
        {
            return Trusted;
        }

        if (type == typeof(int) || type == typeof(int?))
        {
            return 1;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (Element(type) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Make(element));
            return list;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Make(p.ParameterType)).ToArray());
    }

    private static Type? Element(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
}
