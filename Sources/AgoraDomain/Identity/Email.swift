/// An email address, trimmed and stored lower-case so that uniqueness is case-insensitive.
public struct Email: ValidatedString {
    public let value: String

    /// The longest address SMTP can carry (RFC 5321: 254 characters in a path).
    public static let maximumLength = 254

    public init(_ raw: String) throws {
        try self.init(raw, field: "email")
    }

    /// Checks the text and names `field` in the error, for inputs that carry the value under another name.
    public init(_ raw: String, field: String) throws {
        guard raw.unicodeScalars.count <= Self.maximumLength else {
            throw ValidationError(field: field, message: "must be at most \(Self.maximumLength) characters")
        }
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw ValidationError(field: field, message: "is required") }
        guard (try? Self.shape.wholeMatch(in: raw)) != nil else {
            throw ValidationError(field: field, message: "must be an address like name@example.com")
        }
        value = trimmed.lowercased()
    }

    /// The addresses accepted, as typed: spaces and tabs around; a local part of 1 to 64 of the characters RFC 5322
    /// allows unquoted, neither starting nor ending with a dot; `@`; two or more dot-separated labels of letters,
    /// digits and inner hyphens, each at most 63 long. Written in the regular-expression dialect that JSON Schema
    /// (ECMA-262) and Swift share, without look-arounds, so that the OpenAPI document carries this very pattern and
    /// a contract tester generates exactly the addresses the service accepts.
    public static let pattern =
        #"^[ \t]*[A-Za-z0-9!#$%&'*+/=?^_`{|}~-](?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{0,62}[A-Za-z0-9!#$%&'*+/=?^_`{|}~-])?"#
        + #"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+[ \t]*$"#

    /// Matched scalar by scalar as JSON Schema does (a `\r\n` is two). Never mutated; `Regex<AnyRegexOutput>` is not
    /// `Sendable` only because its untyped captures could hold anything, and this pattern captures nothing.
    nonisolated(unsafe) private static let shape = try! Regex(pattern).matchingSemantics(.unicodeScalar)
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
