import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm: tables, strikethrough, autolinks, task lists, and the
/// tag filter that neutralises `<script>`, `<iframe>` and the like even where raw HTML is allowed. Every Markdown
/// text of the project goes through one of its two modes: `userText` for whatever members write (order
/// descriptions, previews, messages, emails that quote them), `page` for the marketers' files in `Content/`.
public struct MarkdownRenderer: Sendable {
    /// Whose text it is, which decides what may pass through.
    public enum Mode: Sendable, Equatable {
        /// Members' text: raw HTML is dropped and unsafe links (`javascript:`, `data:` …) are emptied, always, and
        /// images become links to them: a remote image in a message would load in the reader's browser (a tracking
        /// pixel in front of a provider), a link loads nothing until it is followed.
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
        if mode == .userText { Self.replaceImagesWithLinks(in: document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Turns every image into a link to the image, its alternative text as the link's text (or the address when
    /// it has none). Images are gathered first: the tree must not change under its iterator.
    private static func replaceImagesWithLinks(in document: OpaquePointer) {
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            // An image is entered and exited: take it once.
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                images.append(node)
            }
        }
        cmark_iter_free(iterator)
        for image in images {
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            cmark_node_set_url(link, cmark_node_get_url(image))
            cmark_node_set_title(link, cmark_node_get_title(image))
            if cmark_node_first_child(image) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, cmark_node_get_url(image))
                cmark_node_append_child(link, text)
            }
            while let child = cmark_node_first_child(image) { cmark_node_append_child(link, child) }
            cmark_node_insert_before(image, link)
            cmark_node_free(image)
        }
    }
}
