/// `PageMeta.shorten` for plain ASCII text, where every character is one byte and no Unicode table is needed:
/// nearly every title, and most descriptions. The result is the same as the general way's.
enum ASCIIText {
    /// Nil when the text is not ASCII or holds a carriage return (`\r\n` is one character, not two).
    static func shorten(_ text: String, to limit: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "\r") { return nil }
            guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
            var end = limit - 1
            if let space = bytes[..<end].lastIndex(of: UInt8(ascii: " ")) { end = space }
            var start = 0
            while start < end, isTrimmed(bytes[start]) { start += 1 }
            while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self) + "…"
        }
    }

    /// What the general way trims at a cut: whitespace, line breaks and Unicode's punctuation (general category P),
    /// which in ASCII leaves out `$ + < = > ^ ` | ~` (symbols).
    private static func isTrimmed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, UInt8(ascii: " "):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "["),
             UInt8(ascii: "\\"), UInt8(ascii: "]"), UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            true
        default:
            false
        }
    }
}
