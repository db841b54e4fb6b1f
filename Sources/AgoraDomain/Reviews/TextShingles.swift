/// A text as the set of its overlapping three-word runs (w-shingling), to find near-duplicate reviews: two texts
/// whose sets overlap by `nearDuplicate` or more (Jaccard) say nearly the same thing.
public struct TextShingles: Sendable, Hashable {
    public static let width = 3
    public static let nearDuplicate = 0.6

    public let shingles: Set<String>

    /// Lower-cased words of letters and digits; a text shorter than the width is one shingle.
    public init(_ text: String) {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        guard words.count >= Self.width else {
            shingles = words.isEmpty ? [] : [words.joined(separator: " ")]
            return
        }
        shingles = Set((0...(words.count - Self.width)).map { words[$0..<($0 + Self.width)].joined(separator: " ") })
    }

    /// The Jaccard similarity of the two sets, 0 to 1; 0 when either is empty.
    public func similarity(to other: TextShingles) -> Double {
        guard !shingles.isEmpty, !other.shingles.isEmpty else { return 0 }
        return Double(shingles.intersection(other.shingles).count) / Double(shingles.union(other.shingles).count)
    }
}
