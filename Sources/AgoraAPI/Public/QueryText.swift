/// How the public suggestion routes read text parameters, in the terms the OpenAPI document states them: lengths
/// in Unicode code points (JSON Schema's count), and "not only spaces" as its `\S` pattern means it (ECMAScript's
/// white space and line terminators).
enum QueryText {
    private static let spaces: Set<Unicode.Scalar> = [
        "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{1680}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}",
    ]

    /// True when the text holds a character other than white space (`\S`).
    static func hasVisibleCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { !spaces.contains($0) && !(0x2000...0x200A).contains($0.value) }
    }

    /// True for category-slug-shaped text: lower-case letters and digits in runs joined by single hyphens.
    static func isSlugShaped(_ text: Substring) -> Bool {
        guard let first = text.first, let last = text.last, first != "-", last != "-", !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
