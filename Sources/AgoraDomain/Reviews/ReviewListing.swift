/// How the public list of a member's reviews is ordered.
public enum ReviewSort: String, Sendable, CaseIterable {
    /// Newest first.
    case recent
    /// The most useful text first (`ReviewQuality`), then newest.
    case helpful
    /// Most stars first, then newest.
    case highest
    /// Fewest stars first, then newest.
    case lowest
}

/// One page of the public list of a member's published reviews: only some stars, text to find, the order, and where
/// the previous page ended (`cursor`, an offset the API hands out).
public struct ReviewListQuery: Sendable, Hashable {
    public static let largestPage = 50
    public static let searchLength = 2...100

    public let stars: Int?
    public let text: String?
    public let sort: ReviewSort
    public let offset: Int
    public let limit: Int

    /// Checks every parameter at once, named as the API names them.
    public init(stars: String?, text: String?, sort: String?, cursor: String?, limit: String?) throws {
        var errors: [FieldError] = []
        var starsValue: Int?
        if let stars {
            if let value = Int(stars), ReviewDraft.stars.contains(value) { starsValue = value } else {
                errors.append(FieldError(field: "stars", message: "must be a whole number of stars from 1 to 5"))
            }
        }
        var search: String?
        if let text, !text.isEmpty {
            if Self.searchLength.contains(text.count) { search = text } else {
                errors.append(FieldError(field: "q", message: "must be \(Self.searchLength.lowerBound) to \(Self.searchLength.upperBound) characters"))
            }
        }
        let order = FieldReading.choice(sort, field: "sort", default: ReviewSort.recent, errors: &errors)
        var offset = 0
        if let cursor {
            if let value = Int(cursor), value >= 0 { offset = value } else { errors.append(FieldError(field: "cursor", message: "is not a cursor this list handed out")) }
        }
        var size = 10
        if let limit {
            if let value = Int(limit), (1...Self.largestPage).contains(value) { size = value } else {
                errors.append(FieldError(field: "limit", message: "must be 1 to \(Self.largestPage)"))
            }
        }
        guard errors.isEmpty, let order else { throw ValidationError(errors) }
        self.stars = starsValue
        self.text = search
        self.sort = order
        self.offset = offset
        self.limit = size
    }
}
