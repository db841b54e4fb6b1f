/// Unicode's whitespace (the White_Space property) recognised in UTF-8 bytes: looking the property up scalar by
/// scalar is slow, and page builders collapse whitespace in every provider's bio several times.
enum UnicodeWhitespace {
    /// How many bytes the whitespace character at `index` takes, 0 when it is not whitespace.
    static func width(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        switch lead {
        case 0x09...0x0D, 0x20:
            return 1
        case 0xC2:
            // U+0085 NEXT LINE, U+00A0 NO-BREAK SPACE
            return index + 1 < bytes.count && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < bytes.count else { return 0 }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            switch (lead, second) {
            case (0xE1, 0x9A): return third == 0x80 ? 3 : 0 // U+1680 OGHAM SPACE MARK
            case (0xE2, 0x80): return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 // U+2000–200A, 2028, 2029, 202F
            case (0xE2, 0x81): return third == 0x9F ? 3 : 0 // U+205F MEDIUM MATHEMATICAL SPACE
            case (0xE3, 0x80): return third == 0x80 ? 3 : 0 // U+3000 IDEOGRAPHIC SPACE
            default: return 0
            }
        default:
            return 0
        }
    }
}
