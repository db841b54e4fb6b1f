import Foundation

/// Finds the suggestions whose text starts with what was typed, at the start of the text or of any of its words
/// ("dev" finds "Web development"), forgiving one typo (a wrong, missing, extra or swapped letter) once three
/// letters are typed. Accents and case are ignored. Provider names, which may number hundreds of thousands, are
/// matched by prefix only, through a sorted index of their words; the typo-tolerant scan covers the rest.
public struct SuggestionMatcher: Sendable {
    public static let maximumResults = 10
    /// Longer text is not something anyone types into a search box.
    public static let maximumTextLength = 100
    /// Typed text shorter than this is matched exactly: one typo in two letters would match nearly everything.
    public static let typoMinimumLength = 3

    private struct Entry: Sendable {
        let suggestion: Suggestion
        let folded: [Character]
        /// Indices in `folded` where a word starts.
        let wordStarts: [Int]
    }

    /// Scanned with typos forgiven.
    private let entries: [Entry]
    /// Provider names: every word start as a key (the rest of the name from there), sorted, with its name.
    private let nameKeys: [(key: String, atStart: Bool, entry: Int)]
    private let names: [Suggestion]

    public init(_ suggestions: [Suggestion]) {
        let all = suggestions.map { suggestion in
            let folded = Array(Self.fold(suggestion.text))
            var starts: [Int] = []
            for index in folded.indices where index == 0 || !(folded[index - 1].isLetter || folded[index - 1].isNumber) {
                if folded[index].isLetter || folded[index].isNumber { starts.append(index) }
            }
            return Entry(suggestion: suggestion, folded: folded, wordStarts: starts)
        }
        entries = all.filter { $0.suggestion.kind != .provider }
        let named = all.filter { $0.suggestion.kind == .provider }
        names = named.map(\.suggestion)
        var keys: [(key: String, atStart: Bool, entry: Int)] = []
        for (index, name) in named.enumerated() {
            for start in name.wordStarts { keys.append((String(name.folded[start...]), start == 0, index)) }
        }
        nameKeys = keys.sorted { $0.key < $1.key }
    }

    public var count: Int { entries.count + names.count }

    /// At most `limit` suggestions: exact prefixes of the whole text first, then of a word, then those one typo
    /// away; within each, categories before skills, providers and queries, then by weight.
    public func suggest(_ typed: String, limit: Int = maximumResults) -> [Suggestion] {
        let query = Array(Self.fold(typed).split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard !query.isEmpty, query.count <= Self.maximumTextLength else { return [] }
        let tolerance = query.count >= Self.typoMinimumLength ? 1 : 0
        var found: [(rank: Int, suggestion: Suggestion)] = []
        for entry in entries {
            var best: Int?
            for start in entry.wordStarts {
                let distance = Self.prefixDistance(query, entry.folded, from: start, bound: tolerance)
                guard let distance else { continue }
                let rank = distance * 2 + (start == 0 ? 0 : 1)
                if best == nil || rank < best! { best = rank }
                if rank == 0 { break }
            }
            if let best { found.append((best, entry.suggestion)) }
        }
        let typed = String(query)
        var low = 0
        var high = nameKeys.count
        while low < high {
            let middle = (low + high) / 2
            if nameKeys[middle].key < typed { low = middle + 1 } else { high = middle }
        }
        while low < nameKeys.count, nameKeys[low].key.hasPrefix(typed) {
            found.append((nameKeys[low].atStart ? 0 : 1, names[nameKeys[low].entry]))
            low += 1
        }
        let kindOrder = Dictionary(uniqueKeysWithValues: Suggestion.Kind.allCases.enumerated().map { ($1, $0) })
        found.sort { left, right in
            let a = left.suggestion
            let b = right.suggestion
            if left.rank != right.rank { return left.rank < right.rank }
            if a.kind != b.kind { return kindOrder[a.kind]! < kindOrder[b.kind]! }
            if a.weight != b.weight { return a.weight > b.weight }
            return a.text < b.text
        }
        var seen = Set<String>()
        var results: [Suggestion] = []
        for match in found where results.count < limit {
            let key = match.suggestion.kind.rawValue + "|" + Self.fold(match.suggestion.text)
            if seen.insert(key).inserted { results.append(match.suggestion) }
        }
        return results
    }

    /// The fewest edits (optimal string alignment: substitution, insertion, deletion, adjacent swap) that turn
    /// `query` into some prefix of `text[start...]`, or nil when that is more than `bound`.
    static func prefixDistance(_ query: [Character], _ text: [Character], from start: Int, bound: Int) -> Int? {
        let available = text.count - start
        guard available >= query.count - bound else { return nil }
        let columns = min(available, query.count + bound)
        // rows[i][j]: distance between query[..<i] and text[start..<start+j].
        var previous2 = [Int](repeating: 0, count: columns + 1)
        var previous = Array(0...columns)
        var current = [Int](repeating: 0, count: columns + 1)
        for i in 1...query.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in stride(from: 1, through: columns, by: 1) {
                let cost = query[i - 1] == text[start + j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, query[i - 1] == text[start + j - 2], query[i - 2] == text[start + j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        let best = previous.min() ?? Int.max
        return best <= bound ? best : nil
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }
}
