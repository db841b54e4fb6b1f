/// The words of a free-text search, reduced to what every search engine behind Agora understands: runs of
/// letters and digits, lower-cased. Quotes, operators (`*`, `-`, `NEAR(`, `:`, `&`), punctuation and emoji are
/// separators, so no user text ever reaches a full-text engine as syntax.
public struct SearchTerms: Hashable, Sendable {
    /// At most this many words are searched; the rest of a long query is ignored.
    public static let maximumTerms = 12
    /// Longer runs are cut: no real word is longer, and the engines index prefixes anyway.
    public static let maximumTermLength = 40

    public let words: [String]

    public init(_ text: String) {
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty, words.count < Self.maximumTerms {
                words.append(String(current.prefix(Self.maximumTermLength)))
            }
            current = ""
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        self.words = words
    }

    public var isEmpty: Bool { words.isEmpty }

    /// The words joined by single spaces: the normalized form of a query, for analytics and caching.
    public var normalized: String { words.joined(separator: " ") }
}
