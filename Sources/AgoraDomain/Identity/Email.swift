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
        let trimmed = raw.trimmingWhitespace().lowercased()
        guard !trimmed.isEmpty else { throw ValidationError(field: field, message: "is required") }
        guard trimmed.count <= Self.maximumLength else {
            throw ValidationError(field: field, message: "must be at most \(Self.maximumLength) characters")
        }
        guard Self.looksDeliverable(trimmed) else {
            throw ValidationError(field: field, message: "must be an address like name@example.com")
        }
        value = trimmed
    }


    /// One `@`, a non-empty local part of at most 64 characters, and a dotted domain of letters, digits and hyphens.
    private static func looksDeliverable(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~.")
        guard local.allSatisfy({ localAllowed.contains($0) }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { labelAllowed.contains($0) }
        }
    }
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
