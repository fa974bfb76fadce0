using Scriban;
using Scriban.Runtime;

namespace DigestGen.Render;

/// <summary>
/// A page template not yet rendered: the layout's <c>{{ body }}</c>. Writing it renders the page into the layout's
/// own writer, where it is placed, so a page never exists as a string of its own (at 100,000 pages that string,
/// built, copied and collected, was about a third of what rendering allocates). Markup, like <see cref="Site.Html"/>.
/// </summary>
public sealed class PageBody(Template template, ScriptObject variables)
{
    internal Template Template => template;

    internal ScriptObject Variables => variables;
}
