namespace DigestGen.Text;

public enum InlineKind
{
    Text,
    Emphasis,
    Strong,
    Math,
}
