@testable import AgoraSite
import Foundation
import Testing

@Suite("Page meta")
struct PageMetaTests {
    @Test("whitespace collapses to single spaces, Unicode's included, and nothing else changes")
    func collapsingWhitespace() {
        let unicodeSpaces = [0x85, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
            .map { String(UnicodeScalar($0)!) }
        for space in unicodeSpaces {
            #expect(PageMeta.collapsingWhitespace("a\(space)\(space)b") == "a b", "U+\(String(space.unicodeScalars.first!.value, radix: 16))")
        }
        #expect(PageMeta.collapsingWhitespace("  Zoë\t\t—\r\n café\u{0B}\u{0C}end \n") == "Zoë — café end")
        // Characters whose bytes start like whitespace's stay: U+2010 HYPHEN, U+200B ZERO WIDTH SPACE (not whitespace).
        #expect(PageMeta.collapsingWhitespace("a\u{2010}b\u{200B}c 日本") == "a\u{2010}b\u{200B}c 日本")
        #expect(PageMeta.collapsingWhitespace(" \n\t ") == "")
    }

    @Test("titles and descriptions are cut at a word boundary")
    func shortening() {
        #expect(PageMeta.shorten("short", to: 10) == "short")
        #expect(PageMeta.shorten("Many words in a title that is long", to: 20) == "Many words in a…")
    }

    @Test("plain ASCII text is cut exactly as the general way cuts it")
    func asciiShorteningMatchesTheGeneralWay() {
        let pieces = ["word", "a", "longer-word", " ", "  ", ",", ".", "!", "$", "+", "~", "(x)", "_", "@", "\t", "\n", "#", "<", "="]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let limit = Int.random(in: 2...30, using: &generator)
            #expect(ASCIIText.shorten(text, to: limit) == Self.generalShorten(text, to: limit), "\(text.debugDescription) to \(limit)")
        }
        #expect(ASCIIText.shorten("café au lait", to: 5) == nil)
        #expect(ASCIIText.shorten("line\r\nbreak", to: 5) == nil)
    }

    /// The character-based cut, as `PageMeta.shorten` does it for any text.
    private static func generalShorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let room = text.prefix(limit - 1)
        let cut = room.lastIndex(of: " ").map { room[..<$0] } ?? room
        return cut.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) + "…"
    }
}
