/// One piece of a parsed template. Text is kept as UTF-8 bytes because rendering writes bytes.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`; a partial alone on its line indents every line it renders like the tag.
    case partial(String, indentation: [UInt8]?)
    /// `{{<name}}…{{/name}}`: renders `name` with the blocks defined inside replacing its own.
    case parent(String, indentation: [UInt8], blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}` in a template others inherit from.
    case block(String, defaultContent: [TemplateNode], indentation: [UInt8])
    /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off for the rest of the template, `HTML` on.
    case contentType(escapes: Bool)
}

/// A name as written in a tag: `.` is the current value, `a.b.c` a path looked up from `a`, and a leading dot
/// (`.a`) looks in the current value only, not in the values around it.
struct TemplateName: Sendable, Equatable {
    let path: [String]
    let isAnchored: Bool

    init(_ text: String) {
        isAnchored = text.first == "." && text != "."
        path = text.split(separator: ".").map(String.init)
    }
}
