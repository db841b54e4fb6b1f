/// A URL path segment: lower-case ASCII letters, digits and single hyphens, 1 to 80 characters.
import Foundation
public struct Slug: ValidatedString, Comparable {
    public let value: String

    public static let maximumLength = 80

    public init(_ raw: String) throws {
        try self.init(raw, field: "slug")
    }

    /// Checks the text and names `field` in the error, for inputs that carry the value under another name.
    public init(_ raw: String, field: String) throws {
        guard !raw.isEmpty else { throw ValidationError(field: field, message: "is required") }
        // Checked byte by byte: builds read a slug per page, and every allowed character is one ASCII byte.
        var previous: UInt8 = UInt8(ascii: "-")
        var valid = true
        for byte in raw.utf8 {
            let letterOrDigit = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if !letterOrDigit && !(byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) { valid = false; break }
            previous = byte
        }
        guard valid, previous != UInt8(ascii: "-") else {
            if raw.count > Self.maximumLength {
                throw ValidationError(field: field, message: "must be at most \(Self.maximumLength) characters")
            }
            throw ValidationError(field: field, message: "may hold only lower-case letters, digits and single hyphens")
        }
        guard raw.utf8.count <= Self.maximumLength else {
            throw ValidationError(field: field, message: "must be at most \(Self.maximumLength) characters")
        }
        value = raw
    }

    /// Turns any title into a slug: accents folded, other characters become hyphens ("Café & Co" → "cafe-co").
    public static func from(title: String) -> Slug? {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return try? Slug(String(result.prefix(maximumLength)).trimmingHyphens())
    }


    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.value < rhs.value }
}

private extension String {
    func trimmingHyphens() -> String {
        var text = Substring(self)
        while text.hasSuffix("-") { text.removeLast() }
        return String(text)
    }
}
