/// A first or last name: letters of any script with the spaces, apostrophes, hyphens and dots real names use.
public struct PersonName: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public static let maximumLength = 100

    public init(_ raw: String, field: String) throws {
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw ValidationError(field: field, message: "is required") }
        guard trimmed.count <= Self.maximumLength else {
            throw ValidationError(field: field, message: "must be at most \(Self.maximumLength) characters")
        }
        let punctuation: Set<Character> = [" ", "'", "\u{2019}", "-", ".", ","]
        guard trimmed.allSatisfy({ $0.isLetter || punctuation.contains($0) }), trimmed.contains(where: \.isLetter) else {
            throw ValidationError(field: field, message: "may hold only letters, spaces, apostrophes, hyphens and dots")
        }
        value = trimmed
    }

    public var description: String { value }
}
