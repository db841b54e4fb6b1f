import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm: tables, strikethrough, autolinks, task lists, and the
/// tag filter that neutralises `<script>`, `<iframe>` and the like even where raw HTML is allowed. Every Markdown
/// text of the project goes through one of its two modes: `userText` for whatever members write (order
/// descriptions, previews, messages, emails that quote them), `page` for the marketers' files in `Content/`.
public struct MarkdownRenderer: Sendable {
    /// Whose text it is, which decides what may pass through.
    public enum Mode: Sendable, Equatable {
        /// Members' text: raw HTML is dropped and unsafe links (`javascript:`, `data:` …) are emptied, always.
        case userText
        /// A marketer's page: the same, unless its front matter says `unsafe_html: true`.
        case page(allowsRawHTML: Bool)
    }

    /// Members' text: the mode every API response and email uses.
    public static let userText = MarkdownRenderer(.userText)

    public let mode: Mode

    static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public init(_ mode: Mode) {
        self.mode = mode
    }

    private var allowsRawHTML: Bool {
        if case .page(let allowsRawHTML) = mode { allowsRawHTML } else { false }
    }

    public func render(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_GITHUB_PRE_LANG
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensions {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        let utf8 = Array(markdown.utf8)
        utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
