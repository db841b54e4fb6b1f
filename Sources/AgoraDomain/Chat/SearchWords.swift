import Foundation

/// The words a message is found by, and the words a search asks for: the same normalisation on both sides, so
/// that a search for "Café" finds "cafe". Words are letters and digits, case and accents folded; words shorter
/// than two characters are left out (they find everything), longer ones cut to `maximumLength`.
public enum SearchWords {
    public static let minimumLength = 2
    public static let maximumLength = 40
    /// The distinct words of one message that are indexed at most; a search asks for at most `maximumQueryWords`.
    public static let maximumPerMessage = 500
    public static let maximumQueryWords = 8

    /// The distinct normalised words of `text`, in the order they first appear.
    public static func words(in text: String, limit: Int = maximumPerMessage) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var seen = Set<String>()
        var words: [String] = []
        for part in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where part.count >= minimumLength {
            let word = String(part.prefix(maximumLength))
            if seen.insert(word).inserted {
                words.append(word)
                if words.count == limit { break }
            }
        }
        return words
    }

    /// The words a search text asks for, checked: at least one word of two characters, at most
    /// `maximumQueryWords`.
    public static func query(_ raw: String?) throws -> [String] {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= ChatRules.searchMaximumLength else {
            throw ValidationError(field: "q", message: "must be at most \(ChatRules.searchMaximumLength) characters")
        }
        let words = words(in: text, limit: maximumQueryWords + 1)
        guard !words.isEmpty else { throw ValidationError(field: "q", message: "needs a word of at least \(minimumLength) letters or digits") }
        guard words.count <= maximumQueryWords else { throw ValidationError(field: "q", message: "may hold at most \(maximumQueryWords) words") }
        return words
    }
}
