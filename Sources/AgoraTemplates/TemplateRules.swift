/// What a template may do beyond the standard: the templates of the repository are trusted, but a template edited in
/// the administration (an email's HTML) may not write a value unescaped, and a plain-text one escapes nothing without
/// having to say so.
public enum TemplateRules: Sendable, Equatable {
    case standard
    /// `{{{name}}}`, `{{& name}}` and `{{% CONTENT_TYPE: TEXT }}` are refused, with their line and column.
    case escapedOnly
    /// Nothing is HTML-escaped, as after `{{% CONTENT_TYPE: TEXT }}`.
    case plainText
}
