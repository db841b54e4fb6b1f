import AgoraDomain
import Foundation

/// Every public provider as search filters, ranks and counts them, held in memory: a search reads the engine's
/// text index for the words and does everything else here, so a search costs one text query and a scan of small
/// records instead of a join per facet.
///
/// Records hold no references (names are interned as numbers, lists are slices of shared arrays), so scanning
/// 100,000 of them costs no reference counting. About 150 bytes per provider. `load` reads it whole; `updated`
/// reads only the providers that changed since the last read (profiles, statistics and accounts carry their time of
/// change); a replaced record leaves its old slices behind until the next whole read.
public struct SearchSnapshot: Sendable {
    /// A slice of one of the shared list arrays.
    struct Slice: Sendable {
        var start: Int32
        var count: Int32

        var range: Range<Int> { Int(start)..<Int(start + count) }
    }

    struct Entry: Sendable {
        let id: Int64
        var alive: Bool
        var country: Int32
        var city: Int32
        var latitude: Double?
        var vector: (x: Double, y: Double, z: Double)?
        var rateMinor: Int64?
        /// Index in `SearchSnapshot.currencies`, or -1.
        var rateCurrency: Int8
        var availability: Availability
        var availableFrom: Date?
        var verified: Bool
        var remote: Bool
        var ratingAverage: Double
        var ratingCount: Int
        var completionRate: Double
        var responseMinutes: Int?
        var createdAt: Date
        var categories: Slice
        var skills: Slice
        var languages: Slice
    }

    /// Names interned as numbers, in the order first seen.
    struct Interned: Sendable {
        private(set) var values: [String] = []
        private var numbers: [String: Int32] = [:]

        mutating func number(for value: String) -> Int32 {
            if let known = numbers[value] { return known }
            let number = Int32(values.count)
            values.append(value)
            numbers[value] = number
            return number
        }

        func number(of value: String) -> Int32? { numbers[value] }
    }

    /// The currencies rates are quoted in, in a fixed order: `Entry.rateCurrency` indexes it.
    static let currencies = CurrencyCode.supported.sorted()

    var entries: [Entry] = []
    var positions: [Int64: Int] = [:]
    var categoryLists: [Int64] = []
    /// The positions of the entries listed in each category (directly, not through a subcategory), so that a
    /// search in a category reads its providers only. A replaced entry is listed again under its new
    /// categories and stays under its old ones until the next whole read: the filter checks each entry's own list.
    var categoryMembers: [Int64: [Int32]] = [:]
    var skillLists: [Int32] = []
    var languageLists: [Int32] = []
    var countries = Interned()
    var cities = Interned()
    /// Skills by lower-cased name; `skillLabels` keeps a spelling to show.
    var skills = Interned()
    var skillLabels: [Int32: String] = [:]
    var languages = Interned()
    /// The latest change the snapshot has seen.
    var watermark = Date(timeIntervalSince1970: 0)
    /// The index generation the snapshot was read at.
    public internal(set) var generation: Int64 = -1
    /// When it was read whole: deletions are only seen by a whole read.
    public internal(set) var loadedAt = Date(timeIntervalSince1970: 0)

    /// The marketplace's mean rating as displayed ratings use it (`RatingPrior`), read with every read of the snapshot.
    public internal(set) var ratingPrior = RatingPrior.standard

    /// The entry's rating as cards show it (the displayed rating to the tenth); nil without ratings. What the rating
    /// filter and its bands compare.
    func shownRating(of entry: Entry) -> Double? {
        guard entry.ratingCount > 0 else { return nil }
        return RatingText.shown(ratingPrior.displayed(average: entry.ratingAverage, count: entry.ratingCount))
    }
}
