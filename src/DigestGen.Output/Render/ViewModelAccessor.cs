using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace DigestGen.Render;

/// <summary>
/// How templates read our view models (<c>page.title</c>): a compiled getter per property, made once per type and
/// shared by every rendering thread, where Scriban's own accessor calls each property by reflection. A page reads
/// a hundred or so fields, 100,000 pages a build. Names are Scriban's (<c>DigestDateUrl</c> is <c>digest_date_url</c>).
/// </summary>
internal sealed class ViewModelAccessor : IObjectAccessor
{
    private static readonly ConcurrentDictionary<Type, ViewModelAccessor?> ByType = new();

    private readonly Dictionary<string, Func<object, object?>> _getters;

    private ViewModelAccessor(Type type)
    {
        _getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null))
        {
            var target = Expression.Parameter(typeof(object));
            var body = Expression.Convert(Expression.Property(Expression.Convert(target, type), property), typeof(object));
            _getters[StandardMemberRenamer.Default(property)] = Expression.Lambda<Func<object, object?>>(body, target).Compile();
        }
    }

    /// <summary>The accessor of a view model type (a record of <c>DigestGen.Site</c>), or null for any other type.</summary>
    public static ViewModelAccessor? For(Type type) =>
        ByType.GetOrAdd(type, t => t.Namespace == typeof(Site.SiteInfo).Namespace && t.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(t) && t != typeof(Site.Html)
            ? new ViewModelAccessor(t)
            : null);

    /// <summary>The compiled getter of a member by its template name, or null when the type has no such member.</summary>
    public Func<object, object?>? Getter(string member) => _getters.GetValueOrDefault(member);

    public Type? IndexType => null;

    public bool HasIndexer => false;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _getters.Count;

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _getters.Keys;

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _getters.ContainsKey(member);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (_getters.TryGetValue(member, out var getter))
        {
            value = getter(target);
            return true;
        }

        value = null;
        return false;
    }

    // View models are read-only to templates.
    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
    {
        value = null;
        return false;
    }

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;
}
