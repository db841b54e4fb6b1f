@testable import AgoraSite
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
}
