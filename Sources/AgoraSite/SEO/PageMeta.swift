import AgoraTemplates
import Foundation

/// What a page tells browsers and crawlers about itself: title, description, canonical URL, indexing, share
/// image, language and the same page in other languages.
struct PageMeta: Sendable, TemplateFields {
    /// Search results show about 60 characters of a title and 160 of a description.
    static let titleLimit = 60
    static let descriptionLimit = 160

    /// A version of the page in another language (`<link rel="alternate" hreflang>`).
    struct Alternate: Sendable, TemplateFields {
        let hreflang: String
        let url: String

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "hreflang": .text(hreflang)
            case "url": .text(url)
            default: nil
            }
        }
    }

    let title: String
    let description: String
    let canonicalURL: String
    let noindex: Bool
    /// OpenGraph type: `website`, `profile`, `article`.
    let openGraphType: String
    /// Absolute URL of the share image.
    let image: String
    let locale: String
    let alternates: [Alternate]

    init(
        title: String, description: String, canonicalURL: String, noindex: Bool, openGraphType: String, image: String,
        locale: String = "en", alternates: [Alternate] = []
    ) {
        self.title = Self.shorten(title, to: Self.titleLimit)
        self.description = Self.shorten(Self.collapsingWhitespace(description), to: Self.descriptionLimit)
        self.canonicalURL = canonicalURL
        self.noindex = noindex
        self.openGraphType = openGraphType
        self.image = image
        self.locale = locale
        self.alternates = alternates
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "title": .text(title)
        case "description": .text(description)
        case "canonicalURL": .text(canonicalURL)
        case "noindex": .flag(noindex)
        case "openGraphType": .text(openGraphType)
        case "image": .text(image)
        case "locale": .text(locale)
        case "alternates": .objects(alternates)
        default: nil
        }
    }

    /// Cuts at the last word boundary that fits and adds an ellipsis, so no word is cut in half.
    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        if let ascii = ASCIIText.shorten(text, to: limit) { return ascii }
        // Counting characters walks the whole text; only the first `limit` are needed to know whether it is longer.
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end != text.endIndex else { return text }
        let room = text[..<text.index(before: end)]
        let cut = room.lastIndex(of: " ").map { room[..<$0] } ?? room
        return cut.trimmingCharacters(in: trimmedAtCut) + "…"
    }

    private static let trimmedAtCut = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)

    /// Runs of whitespace (Unicode's, line breaks included) become one space; none is left at either end.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(bytes.count)
            var spacePending = false
            var index = 0
            while index < bytes.count {
                let width = UnicodeWhitespace.width(in: bytes, at: index)
                if width > 0 {
                    spacePending = !collapsed.isEmpty
                    index += width
                    continue
                }
                if spacePending { collapsed.append(UInt8(ascii: " ")) }
                spacePending = false
                collapsed.append(bytes[index])
                index += 1
            }
            return String(decoding: collapsed, as: UTF8.self)
        }
    }}
